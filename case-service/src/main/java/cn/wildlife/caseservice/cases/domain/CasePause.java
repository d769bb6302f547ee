package cn.wildlife.caseservice.cases.domain;

import cn.wildlife.events.EventType;
import java.time.Instant;

/**
 * Time that does not count towards a case's legal clocks (行政处罚法 Art. 60 and the rules of each agency): an
 * appraisal (鉴定), a hearing (听证) or a suspension (中止). A case has at most one running at a time.
 *
 * @param since when it started: the appraisal was commissioned, the hearing opened, the case was suspended
 */
public record CasePause(Kind kind, Instant since, String reason, String by) {

    /** Why the clocks stop, with the events that announce the start and the end. */
    public enum Kind {
        APPRAISAL("鉴定", EventType.CASE_APPRAISAL_STARTED, EventType.CASE_APPRAISAL_FINISHED),
        HEARING("听证", EventType.CASE_HEARING_STARTED, EventType.CASE_HEARING_FINISHED),
        SUSPENSION("中止", EventType.CASE_SUSPENDED, EventType.CASE_RESUMED);

        private final String label;
        private final EventType started;
        private final EventType finished;

        Kind(String label, EventType started, EventType finished) {
            this.label = label;
            this.started = started;
            this.finished = finished;
        }

        public String label() {
            return label;
        }

        public EventType started() {
            return started;
        }

        public EventType finished() {
            return finished;
        }
    }
}
