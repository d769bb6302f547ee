package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.events.seal.IntakeKeyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKeysTest {

    @TempDir
    Path dataDir;

    @Test
    void theKeysAreMadeOnceForTheirOwnerAlone() throws Exception {
        var first = LocalKeys.serviceSettings(dataDir);
        String master = Files.readString(LocalKeys.folder(dataDir).resolve(LocalKeys.MASTER));

        assertThat(LocalKeys.serviceSettings(dataDir)).isEqualTo(first);
        assertThat(Files.readString(LocalKeys.folder(dataDir).resolve(LocalKeys.MASTER)))
                .isEqualTo(master);
        assertThat(first)
                .containsExactly(
                        "--platform.crypto.master-key-file="
                                + LocalKeys.folder(dataDir)
                                        .resolve(LocalKeys.MASTER)
                                        .toAbsolutePath(),
                        "--platform.crypto.index-key-file="
                                + LocalKeys.folder(dataDir)
                                        .resolve(LocalKeys.INDEX)
                                        .toAbsolutePath(),
                        "--platform.intake.sealing-key-file="
                                + LocalKeys.folder(dataDir)
                                        .resolve(LocalKeys.INTAKE)
                                        .toAbsolutePath());
        for (String key : new String[] {LocalKeys.MASTER, LocalKeys.INTAKE}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                            LocalKeys.folder(dataDir).resolve(key))))
                    .isEqualTo("rw-------");
        }
        assertThat(IntakeKeyPair.fromPem(
                                Files.readString(LocalKeys.folder(dataDir).resolve(LocalKeys.INTAKE)))
                        .id())
                .matches("[0-9a-f]{16}");
    }

    @Test
    void aMasterKeyMovedAsideIsHandedOverAsThePreviousOneBesideANewOne() throws Exception {
        LocalKeys.serviceSettings(dataDir);
        Path keys = LocalKeys.folder(dataDir);
        String old = Files.readString(keys.resolve(LocalKeys.MASTER));
        Files.move(keys.resolve(LocalKeys.MASTER), keys.resolve(LocalKeys.PREVIOUS_MASTER));

        var settings = LocalKeys.serviceSettings(dataDir);

        assertThat(Files.readString(keys.resolve(LocalKeys.MASTER))).isNotEqualTo(old);
        assertThat(settings)
                .contains("--platform.crypto.previous-master-key-file="
                        + keys.resolve(LocalKeys.PREVIOUS_MASTER).toAbsolutePath());
        assertThat(LocalKeys.previousMaster(dataDir)).contains(keys.resolve(LocalKeys.PREVIOUS_MASTER));
    }
}
