package cn.wildlife.inspection.inspection.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RandomDrawTest {

    private static final List<String> FACILITIES = IntStream.rangeClosed(1, 12)
            .mapToObj(i -> String.format("FAC-220122-%02d", i))
            .toList();

    private static List<RandomDraw.Inspector> roster() {
        return List.of(
                new RandomDraw.Inspector("张伟", Set.of("FAC-220122-03")),
                new RandomDraw.Inspector("李娜", Set.of()),
                new RandomDraw.Inspector("王磊", Set.of("FAC-220122-03", "FAC-220122-07")),
                new RandomDraw.Inspector("刘洋", Set.of()),
                new RandomDraw.Inspector("陈静", Set.of("FAC-220122-11")));
    }

    @Test
    void theSameSeedOverTheSameListAndRosterGivesTheSameDraw() {
        RandomDraw.Result first = RandomDraw.draw(new RandomDraw.Input(20261125L, FACILITIES, 4, roster(), 2));
        RandomDraw.Result again = RandomDraw.draw(new RandomDraw.Input(20261125L, FACILITIES, 4, roster(), 2));

        assertThat(again.inspectorsByFacility()).isEqualTo(first.inspectorsByFacility());
        assertThat(again.facilities()).containsExactlyElementsOf(first.facilities());
    }

    @Test
    void theOrderTheListAndRosterArriveInDoesNotChangeTheDraw() {
        List<String> shuffled = new ArrayList<>(FACILITIES);
        Collections.reverse(shuffled);
        List<RandomDraw.Inspector> reversed = new ArrayList<>(roster());
        Collections.reverse(reversed);

        assertThat(RandomDraw.draw(new RandomDraw.Input(7L, shuffled, 5, reversed, 2))
                        .inspectorsByFacility())
                .isEqualTo(RandomDraw.draw(new RandomDraw.Input(7L, FACILITIES, 5, roster(), 2))
                        .inspectorsByFacility());
    }

    /**
     * The algorithm is the documented one: this answer was computed by the independent Python re-draw of
     * docs/walkthrough/inspections.md, not by this class.
     */
    @Test
    void theDrawIsTheDocumentedAlgorithmsAnswer() {
        RandomDraw.Result result = RandomDraw.draw(new RandomDraw.Input(20261125L, FACILITIES, 4, roster(), 2));

        assertThat(result.facilities())
                .containsExactly("FAC-220122-06", "FAC-220122-09", "FAC-220122-01", "FAC-220122-07");
        assertThat(result.inspectorsByFacility())
                .isEqualTo(Map.of(
                        "FAC-220122-06", List.of("李娜", "张伟"),
                        "FAC-220122-09", List.of("李娜", "张伟"),
                        "FAC-220122-01", List.of("李娜", "刘洋"),
                        "FAC-220122-07", List.of("刘洋", "李娜")));
        assertThat(RandomDraw.draw(RandomDraw.ALGORITHM, new RandomDraw.Input(20261125L, FACILITIES, 4, roster(), 2)))
                .isEqualTo(result);
    }

    @Test
    void serverSeedsAreNonNegativeAndExactInAJsonDouble() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 1000; i++) {
            long seed = RandomDraw.newSeed(random);
            assertThat(seed).isNotNegative().isLessThan(RandomDraw.SEED_BOUND);
            assertThat((long) (double) seed).isEqualTo(seed);
        }
    }

    @Test
    void everyFacilityIsDrawnFirstAboutAsOften() {
        Map<String, Integer> first = new HashMap<>();
        for (long seed = 0; seed < 6000; seed++) {
            first.merge(
                    RandomDraw.draw(new RandomDraw.Input(seed, FACILITIES, 1, roster(), 1))
                            .facilities()
                            .get(0),
                    1,
                    Integer::sum);
        }
        assertThat(first).hasSize(12);
        // 500 expected each; more than 6 standard deviations (about 22) away would be a biased draw.
        assertThat(first.values()).allSatisfy(n -> assertThat(n).isBetween(365, 635));
    }

    @Test
    void drawsRecordedWithJavaUtilRandomAreStillDrawnAgainTheirWay() {
        RandomDraw.Input input = new RandomDraw.Input(77L, FACILITIES, 3, roster(), 2);
        assertThat(RandomDraw.draw(RandomDraw.LEGACY_ALGORITHM, input)).isEqualTo(RandomDraw.drawLegacy(input));
        assertThat(RandomDraw.drawLegacy(input)).isEqualTo(RandomDraw.drawLegacy(input));
    }

    @Test
    void anotherSeedDrawsOtherwise() {
        Set<List<String>> draws = new HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            draws.add(RandomDraw.draw(new RandomDraw.Input(seed, FACILITIES, 3, roster(), 2))
                    .facilities());
        }
        assertThat(draws).hasSizeGreaterThan(15);
    }

    @Test
    void noInspectorIsDrawnForAFacilityTheyHaveAConflictIn() {
        for (long seed = 1; seed <= 200; seed++) {
            RandomDraw.Result result = RandomDraw.draw(new RandomDraw.Input(seed, FACILITIES, 12, roster(), 3));
            result.inspectorsByFacility().forEach((facility, inspectors) -> {
                assertThat(inspectors).doesNotHaveDuplicates().hasSize(3);
                roster().stream()
                        .filter(i -> i.conflicts().contains(facility))
                        .forEach(i -> assertThat(inspectors).doesNotContain(i.name()));
            });
        }
    }

    @Test
    void aDrawThatCannotBeMadeSaysWhy() {
        assertThatThrownBy(() -> RandomDraw.draw(new RandomDraw.Input(1L, FACILITIES.subList(0, 2), 3, roster(), 2)))
                .isInstanceOfSatisfying(RandomDraw.Impossible.class, e -> {
                    assertThat(e.facilityId()).isNull();
                    assertThat(e.available()).isEqualTo(2);
                });
        // FAC-220122-03: 张伟 and 王磊 have conflicts, three others are free; four are needed.
        assertThatThrownBy(() -> RandomDraw.draw(new RandomDraw.Input(1L, List.of("FAC-220122-03"), 1, roster(), 4)))
                .isInstanceOfSatisfying(RandomDraw.Impossible.class, e -> {
                    assertThat(e.facilityId()).isEqualTo("FAC-220122-03");
                    assertThat(e.available()).isEqualTo(3);
                });
    }
}
