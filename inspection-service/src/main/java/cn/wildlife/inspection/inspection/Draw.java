package cn.wildlife.inspection.inspection;

import cn.wildlife.inspection.inspection.domain.RandomDraw;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A 双随机 draw as recorded: the seed (drawn by the server, never given by the caller), the algorithm, the facility
 * list and roster exactly as they stood before the draw, and the result. Keeping the inputs is what makes the draw
 * checkable: drawing again from them with the algorithm ({@link RandomDraw}) must give the same result.
 */
public record Draw(
        String id,
        String region,
        long seed,
        String algorithm,
        int facilityCount,
        int inspectorsPerFacility,
        LocalDate plannedFor,
        List<String> candidates,
        List<RandomDraw.Inspector> roster,
        Map<String, List<String>> inspectorsByFacility,
        List<String> inspectionIds,
        Instant drawnAt,
        String drawnBy,
        boolean published,
        @Nullable Instant publishedAt) {

    /** Drawing again from what was recorded. */
    public RandomDraw.Result redraw() {
        return RandomDraw.draw(algorithm, input());
    }

    public RandomDraw.Input input() {
        return new RandomDraw.Input(seed, candidates, facilityCount, roster, inspectorsPerFacility);
    }

    /** What a list of draws shows of one: not its inputs, which can run to a region's every facility. */
    public Summary summary() {
        return new Summary(
                id,
                region,
                plannedFor,
                candidates.size(),
                facilityCount,
                inspectorsPerFacility,
                List.copyOf(inspectorsByFacility.keySet()),
                drawnAt,
                drawnBy,
                published,
                publishedAt);
    }

    /** A draw as listed: where, when, how many from how many, the facilities drawn (in the draw's order). */
    public record Summary(
            String id,
            String region,
            LocalDate plannedFor,
            int drawnFrom,
            int facilityCount,
            int inspectorsPerFacility,
            List<String> facilityIds,
            Instant drawnAt,
            String drawnBy,
            boolean published,
            @Nullable Instant publishedAt) {}
}
