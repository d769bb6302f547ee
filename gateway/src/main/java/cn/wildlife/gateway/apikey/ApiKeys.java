package cn.wildlife.gateway.apikey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issues, checks and revokes API keys. A key reads {@code wlk_<id>_<secret>}: the id finds the record, the secret
 * (256 random bits) is compared by its SHA-256 hash in constant time. Checked keys are cached for a short while;
 * a revocation on this instance takes effect at once, on others within the cache time.
 */
public class ApiKeys {

    private static final Pattern FORMAT = Pattern.compile("wlk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final ApiKeyStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Optional<ApiKey>> cache;
    private final Cache<String, Instant> touched;

    public ApiKeys(ApiKeyStore store, Clock clock, Duration cacheFor) {
        this.store = store;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(cacheFor)
                .maximumSize(10_000)
                .build();
        this.touched = Caffeine.newBuilder()
                .expireAfterWrite(TOUCH_EVERY)
                .maximumSize(10_000)
                .build();
    }

    /** A new key and the one time its full text is known. */
    public record Issued(ApiKey key, String plainText) {}

    public Issued issue(String name, String agency, String region, Set<ApiKey.Operation> operations, String createdBy) {
        byte[] idBytes = new byte[8];
        byte[] secretBytes = new byte[32];
        random.nextBytes(idBytes);
        random.nextBytes(secretBytes);
        String id = HexFormat.of().formatHex(idBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        ApiKey key =
                new ApiKey(id, name, agency, region, operations, hash(secret), clock.instant(), createdBy, null, null);
        store.insert(key);
        cache.invalidate(id);
        return new Issued(key, "wlk_" + id + "_" + secret);
    }

    /** The key a presented text belongs to, if it is well-formed, known, not revoked and its secret matches. */
    public Optional<ApiKey> check(String presented) {
        Matcher matcher = FORMAT.matcher(presented == null ? "" : presented.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String id = matcher.group(1);
        // Unknown ids are remembered too, so that guessing ids does not cost a database query each time.
        ApiKey key = cache.get(id, store::find).orElse(null);
        if (key == null
                || key.revoked()
                || !MessageDigest.isEqual(
                        key.secretHash().getBytes(StandardCharsets.US_ASCII),
                        hash(matcher.group(2)).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        if (touched.getIfPresent(id) == null) {
            Instant now = clock.instant();
            touched.put(id, now);
            store.touch(id, now);
        }
        return Optional.of(key);
    }

    /** Revoked in the store first, then forgotten here, so no check in between can cache the key as valid. */
    public boolean revoke(String id) {
        boolean revoked = store.revoke(id, clock.instant());
        cache.invalidate(id);
        return revoked;
    }

    /**
     * Narrowed in the store first, then forgotten here, as a revocation: other instances use the wider scope for up to
     * the cache time.
     */
    public Optional<ApiKey> narrow(String id, Set<ApiKey.Operation> operations, String region) {
        Optional<ApiKey> narrowed = store.narrow(id, operations, region);
        cache.invalidate(id);
        return narrowed;
    }

    public Optional<ApiKey> find(String id) {
        return store.find(id);
    }

    public java.util.List<ApiKey> list() {
        return store.list();
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
