package cn.wildlife.caseservice.cases;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Schema(example = """
        {"note":"重大案件，市局挂牌督办，每周报告进展","dueBy":"2026-12-31T08:00:00Z"}""")
record SupervisionRequest(
        @NotBlank @Size(max = 2000) String note,
        @Nullable @Future Instant dueBy) {}
