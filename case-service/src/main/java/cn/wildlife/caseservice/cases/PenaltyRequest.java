package cn.wildlife.caseservice.cases;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

@Schema(example = """
        {"expectedVersion":3,"decisionNumber":"双林罚决〔2026〕12号","decidedAt":"2026-11-24T02:00:00Z",
         "fine":5000,"confiscation":true,"summary":"没收大天鹅死体二只，罚款五千元"}""")
record PenaltyRequest(
        @NotNull Long expectedVersion,
        @NotBlank @Size(max = 100) String decisionNumber,
        @NotNull @PastOrPresent Instant decidedAt,

        @NotNull @DecimalMin("0") @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 2)
        BigDecimal fine,

        boolean confiscation,
        @NotBlank @Size(max = 2000) String summary) {}
