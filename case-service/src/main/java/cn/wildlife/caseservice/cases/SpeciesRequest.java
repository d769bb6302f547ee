package cn.wildlife.caseservice.cases;

import cn.wildlife.events.cases.QuantityUnit;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

record SpeciesRequest(
        @NotBlank @Size(max = 60) String speciesCode,
        @NotNull @PositiveOrZero @Max(100_000_000) Long count,
        @NotNull QuantityUnit unit) {}
