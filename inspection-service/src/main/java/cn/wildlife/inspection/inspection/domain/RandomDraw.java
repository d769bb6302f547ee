package cn.wildlife.inspection.inspection.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The 双随机 draw: random facilities from a region's list, random inspectors from a roster for each, never an
 * inspector with a conflict of interest in that facility. Everything random comes from one {@link Random} seeded with
 * the recorded seed, and inputs are put in a fixed order first, so the same seed over the same list and roster
 * always gives the same draw: anyone can check a published result by drawing again.
 */
public final class RandomDraw {

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
            facilityIds = facilityIds.stream().distinct().sorted().toList();
            roster = roster.stream()
                    .sorted(java.util.Comparator.comparing(Inspector::name))
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

    private RandomDraw() {}

    public static Result draw(Input in) {
        if (in.facilityCount() < 1 || in.inspectorsPerFacility() < 1) {
            throw new IllegalArgumentException("draw at least one facility and one inspector each");
        }
        if (in.facilityIds().size() < in.facilityCount()) {
            throw new Impossible(
                    null,
                    in.facilityIds().size(),
                    "the list has " + in.facilityIds().size() + " facilities; cannot draw " + in.facilityCount());
        }
        Random random = new Random(in.seed());
        List<String> facilities = new ArrayList<>(in.facilityIds());
        Collections.shuffle(facilities, random);
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
            Collections.shuffle(free, random);
            drawn.put(facility, List.copyOf(free.subList(0, in.inspectorsPerFacility())));
        }
        return new Result(drawn);
    }
}
