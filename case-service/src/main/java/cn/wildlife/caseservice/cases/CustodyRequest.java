package cn.wildlife.caseservice.cases;

import cn.wildlife.caseservice.cases.domain.CustodyAction;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Schema(example = """
        {"action":"SENT_TO_RESCUE","holder":"吉林省野生动物救护繁育中心","location":"长春市净月区",
         "at":"2026-11-22T02:00:00Z","note":"活体送救护中心救治"}""")
record CustodyRequest(
        @NotNull CustodyAction action,
        @NotBlank @Size(max = 200) String holder,
        @NotBlank @Size(max = 500) String location,
        @NotNull @PastOrPresent Instant at,
        @Nullable @Size(max = 2000) String note) {}
