package cn.wildlife.caseservice.clue.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A clue step refused: NOT_NOW when the clue's status does not allow it (with the status and the steps it allows),
 * INCOMPLETE when the step lacks what it needs (with each missing or wrong field).
 */
public class ClueStepRefused extends RuntimeException {

    /** Why the step was refused. */
    public enum Reason {
        NOT_NOW,
        INCOMPLETE
    }

    /**
     * A field the step needs and lacks.
     *
     * @param textKey the key of the message that says what is needed; {@code args} fill it in
     */
    public record Missing(
            String field,
            String textKey,
            List<Object> args,
            @Nullable Object value) {
        public Missing {
            args = List.copyOf(args);
        }
    }

    private final Reason reason;
    private final Clue.Status status;
    private final List<Clue.Step> allowedSteps;
    private final List<Missing> missing;

    private ClueStepRefused(Reason reason, String message, Clue clue, List<Missing> missing) {
        super(message);
        this.reason = reason;
        this.status = clue.status();
        this.allowedSteps = clue.allowedSteps();
        this.missing = List.copyOf(missing);
    }

    static ClueStepRefused notNow(Clue clue, Clue.Step step) {
        return new ClueStepRefused(
                Reason.NOT_NOW, "a clue that is " + clue.status() + " cannot " + step.path(), clue, List.of());
    }

    static ClueStepRefused incomplete(Clue clue, Clue.Step step, List<Missing> missing) {
        return new ClueStepRefused(
                Reason.INCOMPLETE,
                step.path() + " lacks " + missing.stream().map(Missing::field).toList(),
                clue,
                missing);
    }

    public Reason reason() {
        return reason;
    }

    public Clue.Status status() {
        return status;
    }

    public List<Clue.Step> allowedSteps() {
        return allowedSteps;
    }

    public List<Missing> missing() {
        return missing;
    }
}
