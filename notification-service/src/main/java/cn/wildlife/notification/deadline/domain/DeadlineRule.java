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
 * @param regions    where a province's (or city's) own rule applies; empty for the national rule
 * @param watchers   who else is told when the clock goes overdue and is escalated, besides the responsible agency:
 *                   LEAD_OFFICE (a joint operation's lead office; nobody for other subjects), SUPERVISION_OFFICE (the
 *                   one over the subject's province); an operation's late or missing reports are exactly what its
 *                   lead office and the supervision office watch
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
        @Nullable Duration escalateAfter,
        @Nullable List<String> regions,
        @Nullable List<String> watchers) {

    /** How long a deadline stays overdue before it goes up the chain, when the rule does not say. */
    public static final Duration DEFAULT_ESCALATE_AFTER = Duration.ofDays(1);

    /** Whether missing the clock is a breach or just the end of an opportunity. */
    public enum Kind {
        DUTY,
        WINDOW
    }

    /**
     * An extension the law allows: by {@code amount} more, or up to {@code amountTotal} in all, with approval.
     *
     * @param agencies the kinds of agency that may use it (e.g. only market supervision may add 30 days to the Art. 60
     *                 penalty period); empty for every agency the rule applies to
     */
    public record Extension(
            @Nullable Integer amount,
            @Nullable Integer amountTotal,
            DurationUnit unit,
            String approval,
            @Nullable Set<String> agencies) {

        public Extension {
            agencies = agencies == null ? Set.of() : Set.copyOf(agencies);
        }

        public Extension(@Nullable Integer amount, @Nullable Integer amountTotal, DurationUnit unit, String approval) {
            this(amount, amountTotal, unit, approval, Set.of());
        }

        /** Whether a deadline of this agency may be given the extension. */
        public boolean usableBy(String agency) {
            return agencies.isEmpty() || agencies.contains(agency);
        }
    }

    public DeadlineRule {
        // Checked by the rule validation where rules come in; here only made immutable (and empty, not null).
        agencies = agencies == null ? Set.of() : Set.copyOf(agencies);
        closesOn = closesOn == null ? Set.of() : Set.copyOf(closesOn);
        pausesOn = pausesOn == null ? Set.of() : Set.copyOf(pausesOn);
        resumesOn = resumesOn == null ? Set.of() : Set.copyOf(resumesOn);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
        warnBefore = warnBefore == null ? List.of() : List.copyOf(warnBefore);
        escalation = escalation == null ? List.of() : List.copyOf(escalation);
        escalateAfter = escalateAfter == null ? DEFAULT_ESCALATE_AFTER : escalateAfter;
        regions = regions == null ? List.of() : List.copyOf(regions);
        watchers = watchers == null ? List.of() : List.copyOf(watchers);
    }

    /** The national rule applies everywhere; a province's or city's own applies in its region and below. */
    public boolean national() {
        return regions.isEmpty();
    }

    /**
     * How closely the rule fits a region: -1 when it does not apply there, 0 for a national rule, else the length of
     * the matching region prefix (a city's rule beats its province's).
     */
    public int specificityFor(String region) {
        if (regions.isEmpty()) {
            return 0;
        }
        int best = -1;
        for (String scope : regions) {
            String prefix = scope.endsWith("0000")
                    ? scope.substring(0, 2)
                    : scope.endsWith("00") ? scope.substring(0, 4) : scope;
            if (region.startsWith(prefix)) {
                best = Math.max(best, prefix.length());
            }
        }
        return best;
    }

    /** Rule versions are counted per id and scope: a province's own version line does not touch the national one. */
    public String scopeKey() {
        return id + "@" + String.join(",", regions.stream().sorted().toList());
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
