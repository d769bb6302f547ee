package cn.wildlife.support.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the master key and the index key from the settings: base64 text, given directly or in a file. */
public final class KeyMaterial {

    private static final Logger log = LoggerFactory.getLogger(KeyMaterial.class);

    /** The shortest key taken: 128 bits. */
    public static final int MIN_BYTES = 16;

    public static final int MAX_BYTES = 64;

    private KeyMaterial() {}

    /** The master key, or a {@link MissingCryptoKey} naming the settings. */
    public static byte[] masterKey(CryptoProperties properties) {
        return read(
                "master key",
                "platform.crypto.master-key",
                "PLATFORM_CRYPTO_MASTER_KEY",
                properties.masterKey(),
                properties.masterKeyFile());
    }

    /** The previous master key while the master key is being changed, or null when none is set. */
    public static byte @Nullable [] previousMasterKey(CryptoProperties properties) {
        boolean set = (properties.previousMasterKey() != null
                        && !properties.previousMasterKey().isBlank())
                || properties.previousMasterKeyFile() != null;
        return set
                ? read(
                        "previous master key",
                        "platform.crypto.previous-master-key",
                        "PLATFORM_CRYPTO_PREVIOUS_MASTER_KEY",
                        properties.previousMasterKey(),
                        properties.previousMasterKeyFile())
                : null;
    }

    /** The blind index key, or a {@link MissingCryptoKey} naming the settings. */
    public static byte[] indexKey(CryptoProperties properties) {
        return read(
                "index key",
                "platform.crypto.index-key",
                "PLATFORM_CRYPTO_INDEX_KEY",
                properties.indexKey(),
                properties.indexKeyFile());
    }

    private static byte[] read(
            String what, String setting, String variable, @Nullable String value, @Nullable Path file) {
        String text = value;
        String from = setting;
        if ((text == null || text.isBlank()) && file != null) {
            from = setting + "-file (" + file + ")";
            try {
                text = Files.readString(file, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new MissingCryptoKey(
                        "The " + what + " file " + file + " (" + setting + "-file) cannot be read: " + e.getMessage()
                                + ". Personal data is sealed at rest: this service does not start without it.");
            }
            warnIfOthersCanRead(file, what);
        }
        if (text == null || text.isBlank()) {
            throw new MissingCryptoKey("No " + what + " is configured. Personal data is sealed at rest "
                    + "(docs/data-protection.md): set " + setting + " (base64 of 32 random bytes, e.g. from the "
                    + "environment variable " + variable + "; `openssl rand -base64 32` makes one) or " + setting
                    + "-file (a file holding it). Keep it apart from the data and back it up: what was sealed "
                    + "under a lost key is lost.");
        }
        byte[] key;
        try {
            key = Base64.getMimeDecoder().decode(text.strip().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new MissingCryptoKey("The " + what + " in " + from + " is not base64.");
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            Arrays.fill(key, (byte) 0);
            throw new MissingCryptoKey("The " + what + " in " + from + " has " + key.length + " bytes; it needs "
                    + MIN_BYTES + " to " + MAX_BYTES + " (32 recommended: `openssl rand -base64 32`).");
        }
        return key;
    }

    private static void warnIfOthersCanRead(Path file, String what) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.OTHERS_READ)
                    || permissions.contains(PosixFilePermission.GROUP_READ)) {
                log.warn("The {} file {} can be read by other users: chmod 600 it.", what, file);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to check.
        }
    }
}
