package cn.wildlife.notification.deadline.domain;

import cn.wildlife.notification.calendar.domain.DurationUnit;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One legal clock, as data: which event starts it, which fulfils it, how long it runs and how that is counted, who
 * answers for it and whom a miss is escalated to. Rules are versioned; a deadline keeps the version it opened with.
 *
 * @param kind       DUTY: missing it is a breach that is alerted and escalated; WINDOW: a period in which a party
 *                   may act (e.g. ask for reconsideration), which simply closes when it runs out
 * @param agencies   the agencies whose subjects the rule applies to; empty means every agency
 * @param statutory  false for a platform default where the law sets no number (the legal basis says so)
 */
public record DeadlineRule(
        String id,
        int version,
        String title,
        String legalBasis,
        boolean statutory,
        Kind kind,
        String subjectType,
        String opensOn,
        Set<String> agencies,
        Set<String> closesOn,
        Set<String> pausesOn,
        Set<String> resumesOn,
        int amount,
        DurationUnit unit,
        List<Extension> extensions,
        List<Duration> warnBefore,
        String responsible,
        List<String> escalation,
        @Nullable Duration escalateAfter) {

    /** How long a deadline stays overdue before it goes up the chain, when the rule does not say. */
    public static final Duration DEFAULT_ESCALATE_AFTER = Duration.ofDays(1);

    /** Whether missing the clock is a breach or just the end of an opportunity. */
    public enum Kind { DUTY, WINDOW }

    /** An extension the law allows: by {@code amount} more, or up to {@code amountTotal} in all, with approval. */
    public record Extension(@Nullable Integer amount, @Nullable Integer amountTotal, DurationUnit unit,
                            String approval) {
    }

    public DeadlineRule {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a rule needs an id");
        }
        if (version < 1) {
            throw new IllegalArgumentException("rule " + id + ": version starts at 1");
        }
        if (amount < 0) {
            throw new IllegalArgumentException("rule " + id + ": amount cannot be negative");
        }
        agencies = Set.copyOf(agencies);
        closesOn = Set.copyOf(closesOn);
        pausesOn = Set.copyOf(pausesOn);
        resumesOn = Set.copyOf(resumesOn);
        extensions = List.copyOf(extensions);
        warnBefore = List.copyOf(warnBefore);
        escalation = List.copyOf(escalation);
        escalateAfter = escalateAfter == null ? DEFAULT_ESCALATE_AFTER : escalateAfter;
    }

    /** The earliest warning before the due time (none: warn when due). */
    public Duration longestWarning() {
        return warnBefore.stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** Whether an event of this type, about a subject of this agency, starts the clock. */
    public boolean opensFor(String eventType, String agency) {
        return opensOn.equals(eventType) && (agencies.isEmpty() || agencies.contains(agency));
    }
}
