package cn.wildlife.notification.delivery.domain;

import java.util.Set;

/** Which alerts a target wants: by kind and by rule; an empty set means every one. */
public record AlertFilter(Set<AlertKind> kinds, Set<String> ruleIds) {

    public AlertFilter {
        kinds = Set.copyOf(kinds);
        ruleIds = Set.copyOf(ruleIds);
    }

    public static AlertFilter any() {
        return new AlertFilter(Set.of(), Set.of());
    }

    public boolean matches(String kind, String ruleId) {
        boolean kindWanted =
                kinds.isEmpty() || AlertKind.parse(kind).map(kinds::contains).orElse(false);
        return kindWanted && (ruleIds.isEmpty() || ruleIds.contains(ruleId));
    }
}
