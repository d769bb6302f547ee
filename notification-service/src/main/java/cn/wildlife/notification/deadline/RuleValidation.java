package cn.wildlife.notification.deadline;

import cn.wildlife.events.EventType;
import cn.wildlife.events.RegionCode;
import cn.wildlife.notification.deadline.domain.DeadlineRule;
import cn.wildlife.support.web.FieldError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What a rule added through the API must satisfy; every problem is named by its field. */
final class RuleValidation {

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]{2,79}");
    private static final Pattern EVENT_TYPE = Pattern.compile("cn\\.wildlife(\\.[a-z][a-z-]*)+\\.v[0-9]+");
    private static final Set<String> RESPONSIBLE = Set.of("HANDLING_AGENCY", "SENDING_AGENCY", "RECEIVING_AGENCY");
    private static final Set<String> ESCALATION = Set.of("AGENCY_HEAD", "SUPERIOR_REGION", "SUPERVISION_OFFICE",
            "PROCURATORATE");

    private RuleValidation() {
    }

    static List<FieldError> check(DeadlineRule rule) {
        List<FieldError> errors = new ArrayList<>();
        if (rule.id() == null || !ID.matcher(rule.id()).matches()) {
            errors.add(new FieldError("id", "upper case letters, digits and _ (e.g. JL_CLUE_DECISION)", rule.id()));
        }
        if (blank(rule.title())) {
            errors.add(new FieldError("title", "is required", rule.title()));
        }
        if (blank(rule.legalBasis())) {
            errors.add(new FieldError("legalBasis", "must name the law or notice and article", rule.legalBasis()));
        }
        if (rule.unit() == null) {
            errors.add(new FieldError("unit", "one of HOURS, CALENDAR_DAYS, WORKING_DAYS", null));
        }
        if (rule.kind() == null) {
            errors.add(new FieldError("kind", "DUTY or WINDOW", null));
        }
        if (rule.amount() < 0 || rule.amount() > 3660) {
            errors.add(new FieldError("amount", "from 0 to 3660", rule.amount()));
        }
        if (!known(List.of(rule.opensOn()))) {
            errors.add(new FieldError("opensOn", "not an event type of the contract", rule.opensOn()));
        }
        checkTypes("closesOn", rule.closesOn(), errors);
        checkTypes("pausesOn", rule.pausesOn(), errors);
        checkTypes("resumesOn", rule.resumesOn(), errors);
        if (!RESPONSIBLE.contains(rule.responsible())) {
            errors.add(new FieldError("responsible", "one of " + RESPONSIBLE, rule.responsible()));
        }
        for (String step : rule.escalation()) {
            if (!ESCALATION.contains(step)) {
                errors.add(new FieldError("escalation", "each one of " + ESCALATION, step));
            }
        }
        for (Duration warning : rule.warnBefore()) {
            if (warning.isNegative()) {
                errors.add(new FieldError("warnBefore", "warnings come before the due time", warning.toString()));
            }
        }
        for (String region : rule.regions()) {
            if (!RegionCode.isValid(region)) {
                errors.add(new FieldError("regions", "each a 6-digit region code", region));
            }
        }
        return errors;
    }

    /** Fulfilling and pausing events may be ones the platform announces later, but must have the shape of a type. */
    private static void checkTypes(String field, Collection<String> types, List<FieldError> errors) {
        for (String type : types) {
            if (type == null || !EVENT_TYPE.matcher(type).matches()) {
                errors.add(new FieldError(field, "each an event type such as cn.wildlife.transfer.filed.v1", type));
            }
        }
    }

    private static boolean known(Collection<String> types) {
        return types.stream().allMatch(type -> type != null && EventType.fromCeType(type).isPresent());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
