package cn.wildlife.support.crypto;

import cn.wildlife.support.mongo.MongoSupport;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * The service's data keys (envelope encryption): random keys kept in its own {@code data_keys} collection, each
 * wrapped (sealed with GCM) under a key-encryption key derived from the master key, never stored in plain. The
 * newest key of the configured algorithm is the active one, which seals every new value; older keys stay to open
 * what they sealed until a rotation has re-sealed it.
 *
 * <p>Keys are numbered: {@code k1}, {@code k2}, ... A key is added with its number as {@code _id}, insert-if-absent:
 * instances that start at once agree on the one that was written first. Each instance reads
 * the keys again every {@code platform.crypto.key-refresh}, and at once when it meets a key id it does not know.
 */
public final class DataKeys {

    public static final String COLLECTION = "data_keys";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A data key; its bytes never leave this package. */
    record DataKey(String id, int generation, Algorithm algorithm, byte[] key, Instant createdAt) {

        @Override
        public String toString() {
            return "DataKey[" + id + ", " + algorithm + "]";
        }
    }

    /** What may be shown of a data key. */
    public record KeyInfo(String id, Algorithm algorithm, Instant createdAt, boolean active) {}

    private record Ring(Map<String, DataKey> byId, DataKey active, long loadedAtNanos) {}

    private final MongoCollection<Document> keys;
    private final Algorithm algorithm;
    private final byte[] masterKey;
    private final String masterFingerprint;
    private final long refreshNanos;
    private volatile Ring ring;

    public DataKeys(MongoDatabase database, Algorithm algorithm, byte[] masterKey, Duration refresh) {
        this.keys = database.getCollection(COLLECTION);
        this.algorithm = algorithm;
        this.masterKey = masterKey.clone();
        this.masterFingerprint = fingerprint(masterKey);
        this.refreshNanos = refresh.toNanos();
        this.ring = keyFrom(1);
    }

    /** The algorithm new values are sealed with. */
    public Algorithm algorithm() {
        return algorithm;
    }

    /** The id of the key new values are sealed under. */
    public String activeId() {
        return active().id();
    }

    /** Every data key, newest first, without its bytes. */
    public List<KeyInfo> list() {
        Ring current = current();
        return current.byId().values().stream()
                .sorted(Comparator.comparingInt(DataKey::generation).reversed())
                .map(k -> new KeyInfo(k.id(), k.algorithm(), k.createdAt(), k == current.active()))
                .toList();
    }

    /**
     * Adds a new data key and makes it the active one here (other instances within {@code key-refresh}); returns its
     * id. {@link KeyRotations} lets one rotation run at a time.
     */
    public synchronized String rotate() {
        Ring current = load();
        ring = keyFrom(current == null ? 1 : current.active().generation() + 1);
        return ring.active().id();
    }

    /** Reads the keys again now, e.g. before a rotation walks the data. */
    public void refresh() {
        Ring loaded = load();
        if (loaded != null) {
            ring = loaded;
        }
    }

    DataKey active() {
        return current().active();
    }

    /** The key of this id, reading the keys again once when it is not known here yet. */
    Optional<DataKey> find(String id) {
        DataKey key = ring.byId().get(id);
        if (key == null) {
            refresh();
            key = ring.byId().get(id);
        }
        return Optional.ofNullable(key);
    }

    private Ring current() {
        Ring current = ring;
        if (System.nanoTime() - current.loadedAtNanos() > refreshNanos) {
            refresh();
            current = ring;
        }
        return current;
    }

    /** The stored keys, the active one (null when none of the configured algorithm exists yet), the last number. */
    private record Snapshot(
            Map<String, DataKey> byId, @Nullable DataKey active, int lastGeneration) {}

    private Snapshot read() {
        Map<String, DataKey> byId = new HashMap<>();
        int last = 0;
        for (Document d : keys.find()) {
            DataKey key = unwrap(d);
            byId.put(key.id(), key);
            last = Math.max(last, key.generation());
        }
        DataKey active = byId.values().stream()
                .filter(k -> k.algorithm() == algorithm)
                .max(Comparator.comparingInt(DataKey::generation))
                .orElse(null);
        return new Snapshot(Map.copyOf(byId), active, last);
    }

    /** The stored keys with the active one, or null when none of the configured algorithm exists yet. */
    private @Nullable Ring load() {
        Snapshot snapshot = read();
        return snapshot.active() == null ? null : new Ring(snapshot.byId(), snapshot.active(), System.nanoTime());
    }

    /**
     * The keys with an active key numbered {@code generation} or later: the one there is, else a new one after the
     * newest (of any algorithm). Instances doing this at once agree: each writes insert-if-absent under the number,
     * and whoever finds it taken reads back the key that took it.
     */
    private Ring keyFrom(int generation) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Snapshot snapshot = read();
            if (snapshot.active() != null && snapshot.active().generation() >= generation) {
                return new Ring(snapshot.byId(), snapshot.active(), System.nanoTime());
            }
            // The number after the last one of this same reading: whoever writes it first, every other reads it back.
            int next = snapshot.lastGeneration() + 1;
            String id = "k" + next;
            byte[] key = new byte[algorithm.keyBytes()];
            RANDOM.nextBytes(key);
            Document doc = new Document("_id", id)
                    .append("generation", next)
                    .append("algorithm", algorithm.name())
                    .append("wrapped", wrap(id, algorithm, key))
                    .append("masterKey", masterFingerprint)
                    .append("createdAt", new Date());
            Arrays.fill(key, (byte) 0);
            MongoSupport.insertIfAbsent(keys, doc);
        }
        throw new IllegalStateException("could not add a data key to " + COLLECTION);
    }

    private String wrap(String id, Algorithm alg, byte[] key) {
        byte[] nonce = new byte[Algorithm.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = alg.encrypt(keyEncryptionKey(alg), nonce, key, wrappingContext(id, alg));
        byte[] out = new byte[nonce.length + sealed.length];
        System.arraycopy(nonce, 0, out, 0, nonce.length);
        System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
        return Base64.getEncoder().encodeToString(out);
    }

    private DataKey unwrap(Document d) {
        String id = d.getString("_id");
        Algorithm alg = Algorithm.valueOf(d.getString("algorithm"));
        byte[] wrapped = Base64.getDecoder().decode(d.getString("wrapped"));
        try {
            byte[] key = alg.decrypt(
                    keyEncryptionKey(alg),
                    Arrays.copyOfRange(wrapped, 0, Algorithm.NONCE_BYTES),
                    Arrays.copyOfRange(wrapped, Algorithm.NONCE_BYTES, wrapped.length),
                    wrappingContext(id, alg));
            return new DataKey(
                    id,
                    ((Number) d.get("generation")).intValue(),
                    alg,
                    key,
                    d.getDate("createdAt").toInstant());
        } catch (SealedValueRefused e) {
            String storedUnder = d.getString("masterKey");
            throw new MissingCryptoKey("The data key " + id + " in " + COLLECTION + " does not open with the "
                    + "configured master key (platform.crypto.master-key or master-key-file; fingerprint "
                    + masterFingerprint + (storedUnder == null ? "" : ", the key was wrapped under " + storedUnder)
                    + "). Configure the master key this service's data was sealed under: without it, what was "
                    + "sealed cannot be read.");
        }
    }

    private byte[] keyEncryptionKey(Algorithm alg) {
        return Arrays.copyOf(
                HmacSm3.of(
                        masterKey,
                        ("wildlife-platform data key wrapping " + alg.name()).getBytes(StandardCharsets.UTF_8)),
                alg.keyBytes());
    }

    private static byte[] wrappingContext(String id, Algorithm alg) {
        return (COLLECTION + "/" + id + "/" + alg.name()).getBytes(StandardCharsets.UTF_8);
    }

    /** Names a master key without revealing it: the first 8 bytes of an HMAC-SM3 under it, in hex. */
    static String fingerprint(byte[] masterKey) {
        return HexFormat.of()
                .formatHex(Arrays.copyOf(
                        HmacSm3.of(
                                masterKey, "wildlife-platform master key fingerprint".getBytes(StandardCharsets.UTF_8)),
                        8));
    }
}
