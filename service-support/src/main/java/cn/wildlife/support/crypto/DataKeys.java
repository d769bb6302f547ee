package cn.wildlife.support.crypto;

import cn.wildlife.support.mongo.MongoSupport;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger log = LoggerFactory.getLogger(DataKeys.class);

    /** A data key; its bytes never leave this package. */
    record DataKey(String id, int generation, Algorithm algorithm, byte[] key, Instant createdAt, String wrappedUnder) {

        @Override
        public String toString() {
            return "DataKey[" + id + ", " + algorithm + "]";
        }
    }

    /**
     * What may be shown of a data key: with the fingerprint of the master key it is wrapped under, so that an
     * operator changing the master key sees every key moved to the new one.
     */
    public record KeyInfo(String id, Algorithm algorithm, Instant createdAt, boolean active, String wrappedUnder) {}

    private record Ring(Map<String, DataKey> byId, DataKey active, long loadedAtNanos) {}

    private final MongoCollection<Document> keys;
    private final Algorithm algorithm;
    private final byte[] masterKey;
    private final String masterFingerprint;
    private final byte @Nullable [] previousMasterKey;
    private final @Nullable String previousFingerprint;
    private final long refreshNanos;
    private volatile Ring ring;

    public DataKeys(MongoDatabase database, Algorithm algorithm, byte[] masterKey, Duration refresh) {
        this(database, algorithm, masterKey, null, refresh);
    }

    /**
     * With the master key being changed: keys still wrapped under {@code previousMasterKey} are opened with it and
     * wrapped again under {@code masterKey} as they are read (at the start, and at every refresh).
     */
    public DataKeys(
            MongoDatabase database,
            Algorithm algorithm,
            byte[] masterKey,
            byte @Nullable [] previousMasterKey,
            Duration refresh) {
        this.keys = database.getCollection(COLLECTION);
        this.algorithm = algorithm;
        this.masterKey = masterKey.clone();
        this.masterFingerprint = fingerprint(masterKey);
        this.previousMasterKey = previousMasterKey == null ? null : previousMasterKey.clone();
        this.previousFingerprint = previousMasterKey == null ? null : fingerprint(previousMasterKey);
        if (masterFingerprint.equals(previousFingerprint)) {
            throw new MissingCryptoKey("The previous master key (platform.crypto.previous-master-key) is the master "
                    + "key itself: set the new one as platform.crypto.master-key and the old one as the previous.");
        }
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
                .map(k -> new KeyInfo(k.id(), k.algorithm(), k.createdAt(), k == current.active(), k.wrappedUnder()))
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
            DataKey key = open(d);
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
                    .append("wrapped", wrap(id, algorithm, key, masterKey))
                    .append("masterKey", masterFingerprint)
                    .append("createdAt", new Date());
            Arrays.fill(key, (byte) 0);
            MongoSupport.insertIfAbsent(keys, doc);
        }
        throw new IllegalStateException("could not add a data key to " + COLLECTION);
    }

    /**
     * A stored key, opened. One still wrapped under the previous master key is opened with that one and wrapped again
     * under the master key, written back only if nobody did so meanwhile (another instance doing the same at once
     * writes an equally good wrapping).
     */
    private DataKey open(Document d) {
        String under = d.getString("masterKey");
        if (previousMasterKey != null && !masterFingerprint.equals(under)) {
            Optional<DataKey> opened = unwrap(d, previousMasterKey);
            if (opened.isPresent()) {
                DataKey key = opened.get();
                String wrapped = wrap(key.id(), key.algorithm(), key.key(), masterKey);
                keys.updateOne(
                        Filters.and(Filters.eq("_id", key.id()), Filters.eq("wrapped", d.getString("wrapped"))),
                        Updates.combine(Updates.set("wrapped", wrapped), Updates.set("masterKey", masterFingerprint)));
                log.info(
                        "Data key {} of {} wrapped again: under the master key {} instead of {}.",
                        key.id(),
                        keys.getNamespace(),
                        masterFingerprint,
                        previousFingerprint);
                return new DataKey(
                        key.id(), key.generation(), key.algorithm(), key.key(), key.createdAt(), masterFingerprint);
            }
        }
        return unwrap(d, masterKey)
                .orElseThrow(() -> new MissingCryptoKey("The data key " + d.getString("_id")
                        + " in " + COLLECTION
                        + " does not open with the configured master key (platform.crypto.master-key "
                        + "or master-key-file; fingerprint " + masterFingerprint
                        + (under == null ? "" : ", the key was wrapped under " + under)
                        + (previousFingerprint == null ? "" : ", the previous master key's is " + previousFingerprint)
                        + "). Configure the master key this service's data was sealed under: without it, what was "
                        + "sealed cannot be read."));
    }

    private String wrap(String id, Algorithm alg, byte[] key, byte[] master) {
        byte[] nonce = new byte[Algorithm.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = alg.encrypt(keyEncryptionKey(master, alg), nonce, key, wrappingContext(id, alg));
        byte[] out = new byte[nonce.length + sealed.length];
        System.arraycopy(nonce, 0, out, 0, nonce.length);
        System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
        return Base64.getEncoder().encodeToString(out);
    }

    /** A stored key opened with this master key, or empty when it does not open with it. */
    private static Optional<DataKey> unwrap(Document d, byte[] master) {
        String id = d.getString("_id");
        Algorithm alg = Algorithm.valueOf(d.getString("algorithm"));
        byte[] wrapped = Base64.getDecoder().decode(d.getString("wrapped"));
        try {
            byte[] key = alg.decrypt(
                    keyEncryptionKey(master, alg),
                    Arrays.copyOfRange(wrapped, 0, Algorithm.NONCE_BYTES),
                    Arrays.copyOfRange(wrapped, Algorithm.NONCE_BYTES, wrapped.length),
                    wrappingContext(id, alg));
            return Optional.of(new DataKey(
                    id,
                    ((Number) d.get("generation")).intValue(),
                    alg,
                    key,
                    d.getDate("createdAt").toInstant(),
                    fingerprint(master)));
        } catch (SealedValueRefused e) {
            return Optional.empty();
        }
    }

    private static byte[] keyEncryptionKey(byte[] master, Algorithm alg) {
        return Arrays.copyOf(
                HmacSm3.of(
                        master, ("wildlife-platform data key wrapping " + alg.name()).getBytes(StandardCharsets.UTF_8)),
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
