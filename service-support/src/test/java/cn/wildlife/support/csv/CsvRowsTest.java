package cn.wildlife.support.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wildlife.support.web.Texts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class CsvRowsTest {

    private static ImportLimits limits(int rows, int columns, long cells, int cellChars) {
        return new ImportLimits(rows, columns, cells, cellChars, 1024, 0.01, 10, 1_000_000);
    }

    @Test
    void quotingLineBreaksAndTheByteOrderMarkReadAsBefore() {
        assertThat(CsvRows.parse("\uFEFFa,\"b,\"\"c\"\"\"\r\n\n\"x\ny\",z", ImportLimits.defaults()))
                .containsExactly(List.of("a", "b,\"c\""), List.of(""), List.of("x\ny", "z"));
        assertThat(CsvRows.parse("a,b\n")).containsExactly(List.of("a", "b"));
    }

    @Test
    void rowsAfterTheHeaderAreCountedUpToTheLimit() {
        assertThat(CsvRows.parse("h\n1\n2\n", limits(2, 5, 100, 10))).hasSize(3);
        assertThatThrownBy(() -> CsvRows.parse("h\n1\n2\n3\n", limits(2, 5, 100, 10)))
                .isInstanceOfSatisfying(ImportLimitExceeded.class, e -> {
                    assertThat(e.limit()).isEqualTo(ImportLimits.Limit.ROWS);
                    assertThat(e.max()).isEqualTo(2);
                });
    }

    @Test
    void aRowOfTooManyColumnsStopsTheReadingThere() {
        StringBuilder rows = new StringBuilder();
        List<List<String>> seen = new java.util.ArrayList<>();
        rows.append("a,b\n").append(",".repeat(1_000_000));

        assertThatThrownBy(
                        () -> CsvRows.read(new java.io.StringReader(rows.toString()), limits(5, 3, 100, 10), seen::add))
                .isInstanceOfSatisfying(
                        ImportLimitExceeded.class, e -> assertThat(e.limit()).isEqualTo(ImportLimits.Limit.COLUMNS));
        assertThat(seen).containsExactly(List.of("a", "b"));
    }

    @Test
    void cellsAndCharactersInACellHaveLimitsToo() {
        assertThatThrownBy(() -> CsvRows.parse("a,b\nc,d\ne,f\n", limits(5, 3, 5, 10)))
                .isInstanceOfSatisfying(
                        ImportLimitExceeded.class, e -> assertThat(e.limit()).isEqualTo(ImportLimits.Limit.CELLS));
        assertThatThrownBy(() -> CsvRows.parse("a,\"" + "x".repeat(11) + "\"\n", limits(5, 3, 5, 10)))
                .isInstanceOfSatisfying(
                        ImportLimitExceeded.class, e -> assertThat(e.limit()).isEqualTo(ImportLimits.Limit.CELL_CHARS));
    }

    @Test
    void theProblemNamesTheLimitAndItsValueWithA400ForCountsAndA413ForSizes() {
        Texts texts = Texts.of("cn.wildlife.support.web.problems");

        ErrorResponseException rows =
                ImportLimits.defaults().exceeded(ImportLimits.Limit.ROWS).problem(texts);
        ErrorResponseException ratio = ImportLimits.defaults()
                .exceeded(ImportLimits.Limit.MIN_INFLATE_RATIO)
                .problem(texts);

        ProblemDetail body = rows.getBody();
        assertThat(body.getStatus()).isEqualTo(400);
        assertThat(body.getType().toString()).isEqualTo("urn:cn.wildlife:problem:import-limit");
        assertThat(body.getProperties())
                .containsEntry("limit", "platform.imports.rows")
                .containsEntry("max", 50_000);
        assertThat(ratio.getBody().getStatus()).isEqualTo(413);
        assertThat(ratio.getBody().getProperties()).containsEntry("max", 0.01);
    }

    @Test
    void nonsenseLimitsAreRefusedAtStart() {
        assertThatThrownBy(() -> new ImportLimits(0, 1, 1, 1, 1, 0.01, 1, 1_000_000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImportLimits(1, 1, 1, 1, 1L << 33, 0.01, 1, 1_000_000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
