package cn.wildlife.inspection.inspection.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The 双随机 draw: random facilities from a region's list, random inspectors from a roster for each, never an
 * inspector with a conflict of interest in that facility.
 *
 * <p>The seed is drawn by the server ({@link #newSeed}) and recorded with the list and roster before the draw; the
 * draw itself is a pure function of the seed and those inputs, defined byte for byte below ({@link #ALGORITHM}) so
 * that anyone can draw again from the publication, in any language, and get the same result:
 *
 * <ol>
 *   <li>Facility ids are de-duplicated and sorted; the roster is sorted by name; both by Unicode code point.
 *   <li>Random words: block {@code k} (k = 0, 1, 2, ...) is {@code SHA-256("cn.wildlife.draw.v1" (UTF-8) ||
 *       seed as 8 bytes big-endian || k as 8 bytes big-endian)}; each block gives four unsigned 64-bit big-endian
 *       words, used in order, one stream for the whole draw.
 *   <li>{@code uniform(n)}: take words {@code w} until {@code w < 2^64 - (2^64 mod n)}, then {@code w mod n}.
 *   <li>{@code shuffle(list)}: for {@code i} from {@code size-1} down to 1, {@code j = uniform(i+1)}, swap items
 *       {@code i} and {@code j} (Fisher–Yates).
 *   <li>Shuffle the facilities and take the first {@code facilityCount}; then for each of those in that order, the
 *       roster's inspectors without a conflict in it (in roster order) are shuffled and the first
 *       {@code inspectorsPerFacility} taken.
 * </ol>
 *
 * Draws recorded before this algorithm used {@link Random}; {@link #drawLegacy} re-draws them for verification only.
 */
public final class RandomDraw {

    /** The name a draw records of the algorithm above. */
    public static final String ALGORITHM = "cn.wildlife.draw.v1";

    /** The name recorded draws made with {@link Random} get (draws from before {@link #ALGORITHM}). */
    public static final String LEGACY_ALGORITHM = "java.util.Random";

    /** Seeds are below 2^53, so that a JSON reader that holds numbers as doubles reads them exactly. */
    public static final long SEED_BOUND = 1L << 53;

    private static final byte[] DOMAIN = ALGORITHM.getBytes(StandardCharsets.UTF_8);

    /** An inspector of the roster and the facilities they must not inspect (relatives, former employer, ...). */
    public record Inspector(String name, Set<String> conflicts) {
        public Inspector {
            conflicts = Set.copyOf(conflicts);
        }
    }

    /** What one draw needs: the list and roster as they stood, how many to draw, and the seed. */
    public record Input(
            long seed, List<String> facilityIds, int facilityCount, List<Inspector> roster, int inspectorsPerFacility) {
        public Input {
            facilityIds = facilityIds.stream()
                    .distinct()
                    .sorted(RandomDraw::byCodePoint)
                    .toList();
            roster = roster.stream()
                    .sorted(Comparator.comparing(Inspector::name, RandomDraw::byCodePoint))
                    .toList();
        }
    }

    /** Facilities in the order drawn, each with its inspectors in the order drawn. */
    public record Result(Map<String, List<String>> inspectorsByFacility) {
        public List<String> facilities() {
            return List.copyOf(inspectorsByFacility.keySet());
        }
    }

    /** Why a draw cannot be made: too few facilities, or too few inspectors free of conflict for one facility. */
    public static final class Impossible extends RuntimeException {
        private final String facilityId;
        private final int available;

        Impossible(String facilityId, int available, String message) {
            super(message);
            this.facilityId = facilityId;
            this.available = available;
        }

        /** The facility that lacks inspectors; null when the region lacks facilities. */
        public String facilityId() {
            return facilityId;
        }

        public int available() {
            return available;
        }
    }

    /** The source of words: SHA-256 over the domain, the seed and a counter, as the class comment defines. */
    static final class Words {
        private final MessageDigest sha256;
        private final long seed;
        private long counter;
        private ByteBuffer block = ByteBuffer.allocate(0);

        Words(long seed) {
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
            this.seed = seed;
        }

        long next() {
            if (!block.hasRemaining()) {
                sha256.update(DOMAIN);
                sha256.update(
                        ByteBuffer.allocate(16).putLong(seed).putLong(counter++).array());
                block = ByteBuffer.wrap(sha256.digest());
            }
            return block.getLong();
        }

        /** Uniform in [0, n), without modulo bias. */
        int uniform(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("n must be positive");
            }
            // 2^64 mod n, in unsigned arithmetic: words at or above 2^64 minus that are rejected.
            long excess = (Long.remainderUnsigned(-1L, n) + 1) % n;
            while (true) {
                long w = next();
                if (excess == 0 || Long.compareUnsigned(w, -excess) < 0) {
                    return (int) Long.remainderUnsigned(w, n);
                }
            }
        }

        <T> void shuffle(List<T> list) {
            for (int i = list.size() - 1; i > 0; i--) {
                Collections.swap(list, i, uniform(i + 1));
            }
        }
    }

    private RandomDraw() {}

    /** A new seed from {@code random} (the server's {@link java.security.SecureRandom}), below {@link #SEED_BOUND}. */
    public static long newSeed(Random random) {
        return random.nextLong() >>> (Long.SIZE - 53);
    }

    /** Draws with {@link #ALGORITHM}. */
    public static Result draw(Input in) {
        Words words = new Words(in.seed());
        return draw(in, words::shuffle);
    }

    /** Draws again as draws recorded before {@link #ALGORITHM} were drawn ({@link Random}); for verification. */
    public static Result drawLegacy(Input in) {
        Random random = new Random(in.seed());
        return draw(in, list -> Collections.shuffle(list, random));
    }

    /** Draws with the algorithm a draw recorded. */
    public static Result draw(String algorithm, Input in) {
        return LEGACY_ALGORITHM.equals(algorithm) ? drawLegacy(in) : draw(in);
    }

    private interface Shuffler {
        void shuffle(List<String> list);
    }

    private static Result draw(Input in, Shuffler shuffler) {
        if (in.facilityCount() < 1 || in.inspectorsPerFacility() < 1) {
            throw new IllegalArgumentException("draw at least one facility and one inspector each");
        }
        if (in.facilityIds().size() < in.facilityCount()) {
            throw new Impossible(
                    null,
                    in.facilityIds().size(),
                    "the list has " + in.facilityIds().size() + " facilities; cannot draw " + in.facilityCount());
        }
        List<String> facilities = new ArrayList<>(in.facilityIds());
        shuffler.shuffle(facilities);
        Map<String, List<String>> drawn = new LinkedHashMap<>();
        for (String facility : facilities.subList(0, in.facilityCount())) {
            List<String> free = new ArrayList<>(in.roster().stream()
                    .filter(i -> !i.conflicts().contains(facility))
                    .map(Inspector::name)
                    .toList());
            if (free.size() < in.inspectorsPerFacility()) {
                throw new Impossible(
                        facility,
                        free.size(),
                        "only " + free.size() + " inspectors without a conflict " + "for " + facility + "; "
                                + in.inspectorsPerFacility() + " needed");
            }
            shuffler.shuffle(free);
            drawn.put(facility, List.copyOf(free.subList(0, in.inspectorsPerFacility())));
        }
        return new Result(drawn);
    }

    /** Unicode code point order (what UTF-8 byte order and most languages' default string order give). */
    static int byCodePoint(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }
}
