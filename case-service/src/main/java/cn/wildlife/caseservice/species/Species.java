package cn.wildlife.caseservice.species;

import cn.wildlife.events.cases.ProtectionLevel;
import cn.wildlife.events.cases.QuantityUnit;
import org.jspecify.annotations.Nullable;

/**
 * One species of the catalogue (物种名录). The code is stable and is what clues, cases and events carry; the
 * protection level decides grading, prosecution thresholds and the results table.
 *
 * @param citesAppendix I, II or III where the species is listed by CITES
 * @param unit          how the species is counted (只, 头, 尾, ...)
 */
public record Species(
        String code,
        String nameZh,
        String latinName,
        String taxonClass,
        ProtectionLevel protectionLevel,
        @Nullable String citesAppendix,
        QuantityUnit unit) {}
