package cn.wildlife.caseservice.cases;

import static cn.wildlife.caseservice.cases.CaseController.ID;
import static cn.wildlife.caseservice.cases.CaseController.REGION;

import cn.wildlife.caseservice.link.IdentifierRequest;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.cases.CaseGrade;
import cn.wildlife.events.cases.CaseKind;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(example = """
        {"kind":"ADMINISTRATIVE","region":"220112","openedAt":"2026-11-21T07:00:00Z",
         "title":"双阳区奢岭水库架网猎捕野生鸟类案","behaviours":["ILLEGAL_HUNTING"],
         "species":[{"speciesCode":"cygnus-cygnus","count":1,"unit":"ANIMAL"}],"value":16000,
         "parties":[{"kind":"PERSON","name":"张某","idNumber":"220112198001011234","phone":"13800000000"}],
         "evidence":["现场照片 IMG_0412.jpg"],"grade":"GENERAL","clueId":"FORESTRY-220112-2026-0001"}""")
record NewCaseRequest(
        @Nullable @Pattern(regexp = ID) String caseId,
        @NotNull CaseKind kind,

        @NotNull @Pattern(regexp = REGION, message = "{cn.wildlife.region.invalid}")
        String region,

        @NotNull @PastOrPresent Instant openedAt,
        @NotBlank @Size(max = 500) String title,
        @Nullable @Size(max = 7) List<@NotNull Behaviour> behaviours,
        @Nullable @Size(max = 50) List<@NotNull @Valid SpeciesRequest> species,

        @Nullable @DecimalMin("0") @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 2)
        BigDecimal value,

        @Nullable @Size(max = 50) List<@NotNull @Valid PartyRequest> parties,
        @Nullable @Size(max = 200) List<@NotBlank @Size(max = 500) String> evidence,
        @Nullable @Size(max = 50) List<@NotNull @Valid IdentifierRequest> identifiers,
        @Nullable CaseGrade grade,
        @Nullable @Pattern(regexp = ID) String clueId,
        @Nullable @Pattern(regexp = ID) String operationId) {}
