package cn.wildlife.local;

import cn.wildlife.events.seal.IntakeKey;
import cn.wildlife.events.seal.IntakeKeyPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The keys that seal personal data (docs/data-protection.md), made at the first start in the data folder:
 * {@code keys/master.key} (wraps the services' data keys) and {@code keys/index.key} (the blind index of suspects'
 * identifiers), 32 random bytes each in base64, and {@code keys/intake.pem}, the SM2 key agencies seal suspects'
 * details on their topics with; readable by their owner only. The services are told where they are.
 * Losing them loses what they sealed: back the folder up apart from the data.
 */
final class LocalKeys {

    static final String FOLDER = "keys";
    static final String MASTER = "master.key";
    static final String INDEX = "index.key";
    static final String PREVIOUS_MASTER = "master.key.previous";
    static final String INTAKE = "intake.pem";
    static final String PREVIOUS_INTAKE = "intake.pem.previous";

    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalKeys() {}

    /** The keys' folder of a data folder. */
    static Path folder(Path dataDir) {
        return dataDir.resolve(FOLDER);
    }

    /**
     * Makes both keys unless they are there, and returns the settings that hand them to a service. A master key
     * moved aside to {@code master.key.previous} (changing it, docs/data-protection.md) is handed over as the
     * previous one: the services wrap their data keys again under the new one as they start.
     */
    static List<String> serviceSettings(Path dataDir) {
        Path folder = folder(dataDir);
        Path master = ensure(folder, MASTER);
        Path index = ensure(folder, INDEX);
        Path intake =
                ensure(folder, INTAKE, () -> IntakeKeyPair.generate(RANDOM).privatePem());
        List<String> settings = new ArrayList<>(List.of(
                "--platform.crypto.master-key-file=" + master.toAbsolutePath(),
                "--platform.crypto.index-key-file=" + index.toAbsolutePath(),
                "--platform.intake.sealing-key-file=" + intake.toAbsolutePath()));
        previousMaster(dataDir)
                .ifPresent(previous ->
                        settings.add("--platform.crypto.previous-master-key-file=" + previous.toAbsolutePath()));
        Path previousIntake = folder.resolve(PREVIOUS_INTAKE);
        if (Files.exists(previousIntake)) {
            settings.add("--platform.intake.previous-sealing-key-file=" + previousIntake.toAbsolutePath());
        }
        return List.copyOf(settings);
    }

    /**
     * The public half of the data folder's intake key, for publishing as an agency's system does (sealed); empty
     * before the platform's first start made it.
     */
    static Optional<IntakeKey> intakeKey(Path dataDir) {
        Path file = folder(dataDir).resolve(INTAKE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(IntakeKeyPair.fromPem(Files.readString(file, StandardCharsets.US_ASCII))
                    .publicKey());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the intake key " + file, e);
        }
    }

    /** The master key before the present one, while it is being changed. */
    static Optional<Path> previousMaster(Path dataDir) {
        Path previous = folder(dataDir).resolve(PREVIOUS_MASTER);
        return Files.exists(previous) ? Optional.of(previous) : Optional.empty();
    }

    /**
     * The key file, written now if absent. Two processes starting at once (the fault suite's service instances) keep
     * the same key: it is written to a file of its own, then linked into place, which fails if another was first.
     */
    static Path ensure(Path folder, String name) {
        return ensure(folder, name, () -> {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            return Base64.getEncoder().encodeToString(key) + "\n";
        });
    }

    private static Path ensure(Path folder, String name, Supplier<String> newKey) {
        Path file = folder.resolve(name);
        if (Files.exists(file)) {
            return file;
        }
        try {
            Files.createDirectories(folder, ownerOnly("rwx------"));
            Path fresh = Files.createTempFile(folder, name, ".new", ownerOnly("rw-------"));
            try {
                Files.writeString(fresh, newKey.get(), StandardCharsets.US_ASCII);
                try {
                    Files.createLink(file, fresh);
                } catch (FileAlreadyExistsException e) {
                    // Another process made it a moment earlier: its key it is.
                } catch (UnsupportedOperationException | FileSystemException e) {
                    // A file system without hard links: moved into place instead, unless another process was first.
                    if (!Files.exists(file)) {
                        Files.move(fresh, file);
                    }
                }
            } finally {
                Files.deleteIfExists(fresh);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the key " + file, e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        boolean posix = java.nio.file.FileSystems.getDefault()
                .supportedFileAttributeViews()
                .contains("posix");
        if (!posix) {
            return new FileAttribute<?>[0];
        }
        Set<PosixFilePermission> set = PosixFilePermissions.fromString(permissions);
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(set)};
    }
}
