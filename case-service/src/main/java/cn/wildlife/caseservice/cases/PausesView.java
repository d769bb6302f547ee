package cn.wildlife.caseservice.cases;

import cn.wildlife.caseservice.cases.domain.Case;
import cn.wildlife.caseservice.cases.domain.CasePause;
import org.jspecify.annotations.Nullable;

/** The case's clocks: RUNNING, or PAUSED with the pause; version is the case's, for the next change. */
record PausesView(
        String caseId,
        long version,
        String state,
        @Nullable CasePause pause,
        @Nullable String pauseLabel) {
    static PausesView of(Case c, @Nullable CasePause pause) {
        return new PausesView(
                c.id(),
                c.version(),
                pause == null ? "RUNNING" : "PAUSED",
                pause,
                pause == null ? null : pause.kind().label());
    }
}
