package cn.wildlife.gateway.apikey;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** How the key endpoints' refusals look (RFC 9457), for the API document: the answers are written as maps. */
@Schema(
        name = "ApiKeyProblem",
        description = "RFC 9457 problem details; type is urn:cn.wildlife:problem:<code> (invalid-request, "
                + "missing-role, administrator-roles-combined, api-key-outside-issuer-scope, api-key-scope-widened, "
                + "not-found); errors name the fields concerned.")
record KeyProblem(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String type,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int status,
        @Nullable String detail,
        @Nullable String instance,
        @Nullable List<FieldMessage> errors) {

    /** One field of the request and what is wrong with it. */
    @Schema(name = "ApiKeyProblemField")
    record FieldMessage(String field, String message) {}
}
