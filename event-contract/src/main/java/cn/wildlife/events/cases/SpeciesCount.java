package cn.wildlife.events.cases;

import org.jspecify.annotations.Nullable;

/**
 * How many of a species a case concerns.
 *
 * @param protectionLevel as the catalogue had it when the case recorded the count (set by case-service; agency
 *                        systems leave it out)
 */
public record SpeciesCount(
        String speciesCode,
        long count,
        QuantityUnit unit,
        @Nullable ProtectionLevel protectionLevel) {}
