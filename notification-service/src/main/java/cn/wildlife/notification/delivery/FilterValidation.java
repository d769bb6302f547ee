package cn.wildlife.notification.delivery;

import cn.wildlife.notification.deadline.RuleCatalogue;
import cn.wildlife.notification.deadline.domain.DeadlineRule;
import cn.wildlife.notification.delivery.domain.AlertFilter;
import cn.wildlife.notification.delivery.domain.AlertKind;
import cn.wildlife.support.web.FieldError;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Reads the alert filter of a webhook or subscription request, naming each unknown kind or rule. */
@Component
public class FilterValidation {

    private final RuleCatalogue rules;

    public FilterValidation(RuleCatalogue rules) {
        this.rules = rules;
    }

    public AlertFilter filter(@Nullable List<String> kinds, @Nullable List<String> ruleIds, List<FieldError> errors) {
        Set<AlertKind> parsedKinds = EnumSet.noneOf(AlertKind.class);
        if (kinds != null) {
            for (String kind : kinds) {
                AlertKind.parse(kind)
                        .ifPresentOrElse(
                                parsedKinds::add,
                                () -> errors.add(new FieldError(
                                        "kinds", "each one of " + Arrays.toString(AlertKind.values()), kind)));
            }
        }
        Set<String> parsedRules = new HashSet<>();
        if (ruleIds != null) {
            Set<String> known = rules.active().stream().map(DeadlineRule::id).collect(Collectors.toSet());
            for (String ruleId : ruleIds) {
                if (ruleId != null && known.contains(ruleId)) {
                    parsedRules.add(ruleId);
                } else {
                    errors.add(new FieldError(
                            "ruleIds", "each the id of a rule in force (GET /api/deadline-rules)", ruleId));
                }
            }
        }
        return new AlertFilter(parsedKinds, parsedRules);
    }
}
