package cn.wildlife.embedded;

import cn.wildlife.events.access.KafkaAccess;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The passwords of the embedded broker's principals, kept in one properties file in the data folder that only its
 * owner may read ({@code principal=password}). Created on first start with a random password for the broker itself,
 * the operators, every service and every agency system; an agency's line removed is that agency revoked.
 */
public final class KafkaCredentials {

    /** The broker's own principal: inter-broker and controller traffic, and the installer of users and ACLs. */
    public static final String BROKER = "platform-broker";

    /** Where a data folder keeps the file. */
    public static final String FILE = "credentials/kafka-users.properties";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Map<String, String> passwords;

    private KafkaCredentials(Path file, Map<String, String> passwords) {
        this.file = file;
        this.passwords = passwords;
    }

    /** The data folder's credentials, created (every principal of the catalogue) when the file is missing. */
    public static KafkaCredentials inDataFolder(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            KafkaCredentials existing = read(file);
            // A service or the operators' principal new in this version; an agency missing was revoked on purpose.
            List<String> missing = new ArrayList<>(KafkaAccess.servicePrincipals());
            missing.add(KafkaAccess.ADMIN);
            missing.removeIf(existing.passwords::containsKey);
            if (!missing.isEmpty()) {
                missing.forEach(p -> existing.passwords.put(p, newPassword()));
                existing.write();
            }
            return existing;
        }
        Map<String, String> passwords = new TreeMap<>();
        passwords.put(BROKER, newPassword());
        KafkaAccess.allPrincipals().forEach(p -> passwords.put(p, newPassword()));
        KafkaCredentials created = new KafkaCredentials(file, passwords);
        created.write();
        return created;
    }

    /** Reads an existing file; it must be there (a command run beside a platform that has started once). */
    public static KafkaCredentials read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "no Kafka credentials at " + file + ": start the platform once with " + "this data folder first");
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> passwords = new TreeMap<>();
        props.stringPropertyNames().forEach(name -> passwords.put(name, props.getProperty(name)));
        if (!passwords.containsKey(BROKER)) {
            throw new IllegalStateException(file + " has no password for " + BROKER);
        }
        return new KafkaCredentials(file, passwords);
    }

    public Path file() {
        return file;
    }

    public Optional<String> password(String principal) {
        return Optional.ofNullable(passwords.get(principal));
    }

    public String required(String principal) {
        return password(principal)
                .orElseThrow(() -> new IllegalArgumentException("no Kafka credentials for '"
                        + principal + "' in " + file
                        + (KafkaAccess.agencyOf(principal).isPresent()
                                ? " (revoked: add them again with the kafka-users command)"
                                : "")));
    }

    /** The principals that have a password: every one but revoked agency systems. */
    public List<String> principals() {
        return List.copyOf(passwords.keySet());
    }

    /** A new password for a principal (added, or changed if it had one), written to the file at once. */
    public String renew(String principal) {
        String password = newPassword();
        passwords.put(principal, password);
        write();
        return password;
    }

    /** Removes a principal's password from the file; the broker's user and ACLs are removed separately. */
    public void revoke(String principal) {
        if (passwords.remove(principal) != null) {
            write();
        }
    }

    /** A client's settings for one principal on a broker reached at {@code bootstrapServers} without TLS. */
    public Map<String, Object> clientProperties(String bootstrapServers, String principal) {
        return KafkaAccess.clientProperties(bootstrapServers, "SASL_PLAINTEXT", principal, required(principal));
    }

    /**
     * The broker's own settings on its internal listener ({@code localhost:internalPort}, SASL/PLAIN): for
     * installing users and ACLs only, never for a service or an agency.
     */
    public Map<String, Object> brokerClientProperties(int internalPort) {
        return Map.of(
                "bootstrap.servers",
                "localhost:" + internalPort,
                "security.protocol",
                "SASL_PLAINTEXT",
                "sasl.mechanism",
                "PLAIN",
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + BROKER
                        + "\" password=\"" + required(BROKER) + "\";");
    }

    private void write() {
        try {
            Path dir = file.getParent();
            Files.createDirectories(dir);
            boolean posix =
                    FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (posix) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            Path next = dir.resolve(file.getFileName() + ".new");
            Files.deleteIfExists(next);
            if (posix) {
                Files.createFile(
                        next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Properties props = new Properties();
            passwords.forEach(props::setProperty);
            try (Writer writer = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
                props.store(writer, "Kafka SASL/SCRAM-SHA-512 passwords of this data folder; keep it private");
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** 24 random bytes, URL-safe Base64: nothing a JAAS line or a shell would need to quote. */
    private static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
