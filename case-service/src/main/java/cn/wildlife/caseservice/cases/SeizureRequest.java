package cn.wildlife.caseservice.cases;

import cn.wildlife.events.cases.QuantityUnit;
import cn.wildlife.events.cases.SeizureKind;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Schema(example = """
        {"kind":"DEAD","speciesCode":"cygnus-cygnus","description":"大天鹅死体","quantity":1,"unit":"ANIMAL",
         "holder":"双阳区林业局执法大队","location":"双阳区林业局证物室","seizedAt":"2026-11-21T07:30:00Z"}""")
record SeizureRequest(
        @NotNull SeizureKind kind,
        @Nullable @Size(max = 60) String speciesCode,
        @NotBlank @Size(max = 500) String description,
        @NotNull @DecimalMin("0") @DecimalMax("100000000") BigDecimal quantity,
        @NotNull QuantityUnit unit,
        @NotBlank @Size(max = 200) String holder,
        @NotBlank @Size(max = 500) String location,
        @NotNull @PastOrPresent Instant seizedAt,
        @Nullable Long expectedVersion) {}
