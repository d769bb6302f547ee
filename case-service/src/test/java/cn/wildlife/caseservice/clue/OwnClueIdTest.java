package cn.wildlife.caseservice.clue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.events.Agency;
import org.junit.jupiter.api.Test;

class OwnClueIdTest {

    @Test
    void thePolicesClueOfAFindingIsNamedAfterTheFinding() {
        assertThat(ClueRecording.ownId(Agency.PUBLIC_SECURITY, "INSP", "INS-220112-1A2B3C4D-F2"))
                .isEqualTo("PUBLIC_SECURITY-INS-220112-1A2B3C4D-F2");
    }

    @Test
    void aTooLongIdIsHashedTheSameWayEachTime() {
        String finding = "DRAW-220122-1A2B3C4D-12-F3-" + "X".repeat(60);
        String id = ClueRecording.ownId(Agency.PUBLIC_SECURITY, "INSP", finding);

        assertThat(id)
                .startsWith("PUBLIC_SECURITY-INSP-")
                .hasSizeLessThanOrEqualTo(80)
                .isEqualTo(ClueRecording.ownId(Agency.PUBLIC_SECURITY, "INSP", finding))
                .isNotEqualTo(ClueRecording.ownId(Agency.PUBLIC_SECURITY, "INSP", finding + "4"));
    }
}
