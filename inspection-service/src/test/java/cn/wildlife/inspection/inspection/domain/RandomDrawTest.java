package cn.wildlife.inspection.inspection.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
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
