package cn.wildlife.caseservice.species;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wildlife.support.csv.ImportLimitExceeded;
import cn.wildlife.support.csv.ImportLimits;
import cn.wildlife.support.web.Texts;
import org.junit.jupiter.api.Test;

class SpeciesImportTest {

    private static final String HEADER = "代码,中文名,学名,纲,保护级别,CITES附录,计数单位\n";
    private static final String OWL = "otus-sunia,红角鸮,Otus sunia,鸟纲,国家二级,II,只\n";
    private final Texts texts = Texts.of("cn.wildlife.caseservice.texts");

    private static ImportLimits limits(int rows, int columns, long cells, int cellChars) {
        return new ImportLimits(rows, columns, cells, cellChars, 1024, 0.01, 10, 1_000_000);
    }

    @Test
    void aGoodListAndItsBadRowsReadAsBefore() {
        SpeciesImport.Result result =
                SpeciesImport.read(HEADER + OWL + "\nBAD,某,X,鸟纲,国家二级,,只\n", ImportLimits.defaults(), texts);

        assertThat(result.species()).extracting(Species::code).containsExactly("otus-sunia");
        assertThat(result.errors()).extracting(e -> e.field()).containsExactly("row 4 代码");
    }

    @Test
    void aFileOverALimitIsRefusedWhole() {
        assertThat(SpeciesImport.read(HEADER + OWL + OWL.replace("otus-sunia", "otus-b"), limits(2, 7, 100, 60), texts)
                        .species())
                .hasSize(2);
        assertThatThrownBy(() -> SpeciesImport.read(HEADER + OWL + "\n\nx", limits(2, 7, 100, 60), texts))
                .isInstanceOfSatisfying(
                        ImportLimitExceeded.class, e -> assertThat(e.limit()).isEqualTo(ImportLimits.Limit.ROWS));
        assertThatThrownBy(() -> SpeciesImport.read(HEADER + ",".repeat(100_000) + "\n", limits(2, 7, 100, 60), texts))
                .isInstanceOfSatisfying(
                        ImportLimitExceeded.class, e -> assertThat(e.limit()).isEqualTo(ImportLimits.Limit.COLUMNS));
        assertThatThrownBy(() -> SpeciesImport.read(HEADER + OWL + OWL, limits(5, 7, 20, 60), texts))
                .isInstanceOfSatisfying(
                        ImportLimitExceeded.class, e -> assertThat(e.limit()).isEqualTo(ImportLimits.Limit.CELLS));
        assertThatThrownBy(() -> SpeciesImport.read(HEADER + OWL, limits(5, 7, 100, 8), texts))
                .isInstanceOfSatisfying(
                        ImportLimitExceeded.class, e -> assertThat(e.limit()).isEqualTo(ImportLimits.Limit.CELL_CHARS));
    }
}
