package cn.wildlife.events.cases;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A seized item as other services need it (counts for the results table, where it went); the chain of custody
 * itself stays in case-service.
 *
 * @param disposition the last custody action, e.g. SEIZED, SENT_TO_RESCUE, RELEASED, HANDED_OVER
 */
public record SeizureSummary(
        String itemId,
        SeizureKind kind,
        @Nullable String speciesCode,
        BigDecimal quantity,
        QuantityUnit unit,
        String disposition) {}
