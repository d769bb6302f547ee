package cn.wildlife.caseservice.cases;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(example = """
        {"expectedVersion":4,"reason":"处罚决定已执行完毕，罚没款已缴纳"}""")
record CloseRequest(
        @NotNull Long expectedVersion,
        @NotBlank @Size(max = 2000) String reason) {}
