package cn.wildlife.caseservice.cases;

import static cn.wildlife.caseservice.cases.CaseController.ID;

import cn.wildlife.caseservice.link.IdentifierRequest;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.cases.CaseGrade;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(example = """
        {"expectedVersion":1,"value":18000,"grade":"LARGER","operationId":"OP-2026-QINGFENG",
         "identifiers":[{"type":"VEHICLE_PLATE","value":"吉A·D1234"}]}""")
record ChangesRequest(
        @NotNull Long expectedVersion,
        @Nullable @Size(min = 1, max = 500) String title,
        @Nullable @Size(max = 7) List<@NotNull Behaviour> behaviours,
        @Nullable @Size(max = 50) List<@NotNull @Valid SpeciesRequest> species,

        @Nullable @DecimalMin("0") @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 2)
        BigDecimal value,

        @Nullable @Size(max = 50) List<@NotNull @Valid PartyRequest> parties,
        @Nullable @Size(max = 200) List<@NotBlank @Size(max = 500) String> evidence,
        @Nullable @Size(max = 50) List<@NotNull @Valid IdentifierRequest> identifiers,
        @Nullable CaseGrade grade,
        @Nullable @Pattern(regexp = ID) String operationId) {}
