package cn.wildlife.caseservice.cases;

import cn.wildlife.caseservice.cases.domain.Case;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.cases.ProtectionLevel;
import cn.wildlife.events.cases.SpeciesCount;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The prosecution thresholds (立案追诉标准) behind the 以罚代刑 check, as data with their legal source. A threshold
 * applies to a case when the case has a species of one of its protection levels (any, when it names none) and one
 * of its behaviours (any, when it names none); it is crossed when the case value or the counted quantity of those
 * species reaches it.
 */
@Component
public class ProsecutionThresholds {

    /** One threshold. */
    public record Threshold(
            String id,
            String title,
            String legalSource,
            Set<ProtectionLevel> protectionLevels,
            Set<Behaviour> behaviours,
            @Nullable BigDecimal valueAtLeast,
            @Nullable Long quantityAtLeast) {

        boolean crossedBy(Case c) {
            List<SpeciesCount> concerned = c.species().stream()
                    .filter(s -> protectionLevels.isEmpty()
                            || (s.protectionLevel() != null && protectionLevels.contains(s.protectionLevel())))
                    .toList();
            if (!protectionLevels.isEmpty() && concerned.isEmpty()) {
                return false;
            }
            if (!behaviours.isEmpty() && c.behaviours().stream().noneMatch(behaviours::contains)) {
                return false;
            }
            boolean value =
                    valueAtLeast != null && c.value() != null && c.value().compareTo(valueAtLeast) >= 0;
            boolean quantity = quantityAtLeast != null
                    && concerned.stream().mapToLong(SpeciesCount::count).sum() >= quantityAtLeast;
            return value || quantity;
        }
    }

    private final List<Threshold> thresholds;

    public ProsecutionThresholds(ObjectMapper json) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/cases/prosecution-thresholds.json")) {
            List<Threshold> read = new ArrayList<>();
            for (JsonNode t : json.readTree(in).get("thresholds")) {
                read.add(new Threshold(
                        t.get("id").asString(),
                        t.get("title").asString(),
                        t.get("legalSource").asString(),
                        t.get("protectionLevels")
                                .valueStream()
                                .map(n -> ProtectionLevel.valueOf(n.asString()))
                                .collect(Collectors.toUnmodifiableSet()),
                        t.get("behaviours")
                                .valueStream()
                                .map(n -> Behaviour.valueOf(n.asString()))
                                .collect(Collectors.toUnmodifiableSet()),
                        t.path("valueAtLeast").isNumber()
                                ? t.get("valueAtLeast").decimalValue()
                                : null,
                        t.path("quantityAtLeast").isNumber()
                                ? t.get("quantityAtLeast").longValue()
                                : null));
            }
            this.thresholds = List.copyOf(read);
        }
    }

    public List<Threshold> all() {
        return thresholds;
    }

    /** The thresholds an administrative case crosses. */
    public List<Threshold> crossedBy(Case c) {
        return thresholds.stream().filter(t -> t.crossedBy(c)).toList();
    }
}
