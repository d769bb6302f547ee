package cn.wildlife.caseservice.personaldata.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wildlife.caseservice.personaldata.domain.LawfulBasis.Code;
import cn.wildlife.caseservice.personaldata.domain.LawfulBasis.Problem;
import org.junit.jupiter.api.Test;

class LawfulBasisTest {

    private static final String BASIS = "《中华人民共和国民事诉讼法》第六十七条：人民法院有权向有关单位和个人调查取证";

    @Test
    void courtAndPoliceDocumentNumbersAreReferences() {
        assertThat(LawfulBasis.problems("(2026)吉0112民初1234号", BASIS)).isEmpty();
        assertThat(LawfulBasis.problems("长公（刑）立字〔2026〕00012号", BASIS)).isEmpty();
        assertThat(LawfulBasis.problems("PIPL-2026-0042", BASIS)).isEmpty();
    }

    @Test
    void bothFieldsAreRequiredAndEachIsNamed() {
        assertThat(LawfulBasis.problems(null, null))
                .containsExactly(
                        new Problem(LawfulBasis.REFERENCE_FIELD, Code.REQUIRED),
                        new Problem(LawfulBasis.BASIS_FIELD, Code.REQUIRED));
        assertThat(LawfulBasis.problems("  ", BASIS))
                .containsExactly(new Problem(LawfulBasis.REFERENCE_FIELD, Code.REQUIRED));
        assertThat(LawfulBasis.problems("(2026)吉0112民初1234号", "\t"))
                .containsExactly(new Problem(LawfulBasis.BASIS_FIELD, Code.REQUIRED));
    }

    @Test
    void aReferenceIsADocumentNumberNotFreeText() {
        assertThat(LawfulBasis.problems("a;b", BASIS))
                .containsExactly(new Problem(LawfulBasis.REFERENCE_FIELD, Code.REFERENCE_FORMAT));
        assertThat(LawfulBasis.problems("x".repeat(LawfulBasis.MAX_REFERENCE + 1), BASIS))
                .containsExactly(new Problem(LawfulBasis.REFERENCE_FIELD, Code.REFERENCE_FORMAT));
        assertThat(LawfulBasis.problems("line\nbreak", BASIS))
                .containsExactly(new Problem(LawfulBasis.REFERENCE_FIELD, Code.REFERENCE_FORMAT));
    }

    @Test
    void aReferenceThatLooksLikeAPhoneOrAnIdNumberIsRefusedBecauseTheAuditKeepsIt() {
        for (String personal :
                new String[] {"13912345678", "139-1234-5678", "查询 22011219900101777X", "2201121990010177 7x"}) {
            assertThat(LawfulBasis.problems(personal, BASIS))
                    .as(personal)
                    .containsExactly(new Problem(LawfulBasis.REFERENCE_FIELD, Code.REFERENCE_LOOKS_PERSONAL));
        }
    }

    @Test
    void theLegalBasisIsWordsOfReasonableLength() {
        assertThat(LawfulBasis.problems("R-1", "依法"))
                .containsExactly(new Problem(LawfulBasis.BASIS_FIELD, Code.BASIS_TOO_SHORT));
        assertThat(LawfulBasis.problems("R-1", "法".repeat(LawfulBasis.MAX_BASIS + 1)))
                .containsExactly(new Problem(LawfulBasis.BASIS_FIELD, Code.BASIS_TOO_LONG));
        assertThat(LawfulBasis.problems("R-1", "法".repeat(LawfulBasis.MAX_BASIS)))
                .isEmpty();
    }

    @Test
    void anAcceptedBasisIsKeptTrimmedAndABadOneCannotBeMade() {
        assertThat(LawfulBasis.of(" R-1 ", " " + BASIS + "\n")).isEqualTo(new LawfulBasis("R-1", BASIS));
        assertThatThrownBy(() -> LawfulBasis.of("R-1", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
