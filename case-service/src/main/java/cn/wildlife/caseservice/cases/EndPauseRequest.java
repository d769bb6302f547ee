package cn.wildlife.caseservice.cases;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Schema(example = """
        {"expectedVersion":4,"at":"2026-11-25T02:00:00Z","note":"鉴定意见书已出具"}""")
record EndPauseRequest(
        @NotNull Long expectedVersion,
        @Nullable @PastOrPresent Instant at,
        @Nullable @Size(max = 2000) String note) {}
