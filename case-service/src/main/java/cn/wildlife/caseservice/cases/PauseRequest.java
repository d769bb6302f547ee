package cn.wildlife.caseservice.cases;

import cn.wildlife.caseservice.cases.domain.CasePause;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Schema(example = """
        {"kind":"APPRAISAL","expectedVersion":3,"at":"2026-11-20T02:00:00Z",
         "reason":"委托吉林省野生动物司法鉴定中心鉴定大天鹅死体"}""")
record PauseRequest(
        @NotNull CasePause.Kind kind,
        @NotNull Long expectedVersion,
        @Nullable @PastOrPresent Instant at,
        @NotBlank @Size(max = 2000) String reason) {}
