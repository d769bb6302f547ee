package cn.wildlife.notification.deadline;

import cn.wildlife.events.Agency;
import cn.wildlife.events.EventType;
import cn.wildlife.events.RegionCode;
import cn.wildlife.notification.deadline.domain.DeadlineRule;
import cn.wildlife.support.web.FieldError;
import cn.wildlife.support.web.Texts;
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
    private static final Set<String> ESCALATION =
            Set.of("AGENCY_HEAD", "SUPERIOR_REGION", "SUPERVISION_OFFICE", "PROCURATORATE");
    static final Set<String> WATCHERS = Set.of("LEAD_OFFICE", "SUPERVISION_OFFICE");
    private static final List<String> AGENCIES =
            java.util.Arrays.stream(Agency.values()).map(Agency::name).toList();

    private RuleValidation() {}

    static List<FieldError> check(DeadlineRule rule, Texts texts) {
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
        for (int i = 0; i < rule.extensions().size(); i++) {
            DeadlineRule.Extension extension = rule.extensions().get(i);
            String at = "extensions[" + i + "]";
            if (extension == null) {
                errors.add(new FieldError(at, "must not be null", null));
                continue;
            }
            if ((extension.amount() == null) == (extension.amountTotal() == null)) {
                errors.add(new FieldError(
                        at + ".amount",
                        "give either amount (by so much more) or amountTotal " + "(up to so much in all)",
                        extension.amount()));
            } else if (extension.amount() != null
                    ? extension.amount() < 1 || extension.amount() > 3660
                    : extension.amountTotal() <= rule.amount() || extension.amountTotal() > 3660) {
                errors.add(new FieldError(
                        at + (extension.amount() != null ? ".amount" : ".amountTotal"),
                        "from 1 to 3660, and an amountTotal longer than the rule's amount",
                        extension.amount() != null ? extension.amount() : extension.amountTotal()));
            }
            // A period and its extensions are counted alike: an extension in another unit has no clear meaning.
            if (extension.unit() != rule.unit()) {
                errors.add(new FieldError(at + ".unit", "must be the rule's unit " + rule.unit(), extension.unit()));
            }
            for (String agency : extension.agencies()) {
                if (!AGENCIES.contains(agency)) {
                    errors.add(new FieldError(
                            at + ".agencies",
                            texts.get("rule.extension-agencies", String.join(", ", AGENCIES)),
                            agency));
                }
            }
            if (blank(extension.approval())) {
                errors.add(new FieldError(
                        at + ".approval", "must say whose approval the extension needs", extension.approval()));
            }
        }
        for (int i = 0; i < rule.watchers().size(); i++) {
            if (!WATCHERS.contains(rule.watchers().get(i))) {
                errors.add(new FieldError(
                        "watchers[" + i + "]",
                        texts.get(
                                "rule.watchers",
                                String.join(", ", WATCHERS.stream().sorted().toList())),
                        rule.watchers().get(i)));
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
        return types.stream()
                .allMatch(type -> type != null && EventType.fromCeType(type).isPresent());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
