package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI documents as a partner reads them through the gateway: how to authenticate, every answer an operation
 * gives, paths that are reachable, code lists as enums. Each exchange below (as every exchange of the suite through
 * {@link PlatformClient}) is also held to the documents by {@link ApiContract}.
 */
class OpenApiContractIT {

    private static final List<String> SERVICES = List.of("case-service", "notification-service", "inspection-service");

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();
    private final JsonMapper json = JsonMapper.builder().build();

    /** Each document as served, also left in target/openapi for a reader of a failed run. */
    private JsonNode document(String name) {
        String served = ApiContract.document(gateway, name);
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/openapi"));
            java.nio.file.Files.writeString(java.nio.file.Path.of("target/openapi/" + name + ".json"), served);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return json.readTree(served);
    }

    @Test
    void everyServiceDeclaresTheBearerTokenAndTheApiKeySwaggerUiAuthorizesWith() {
        for (String service : SERVICES) {
            JsonNode docs = document(service);
            JsonNode schemes = docs.at("/components/securitySchemes");
            assertThat(schemes.at("/bearerJwt/scheme").asString()).as(service).isEqualTo("bearer");
            assertThat(schemes.at("/bearerJwt/bearerFormat").asString())
                    .as(service)
                    .isEqualTo("JWT");
            assertThat(schemes.at("/apiKey/in").asString()).as(service).isEqualTo("header");
            assertThat(schemes.at("/apiKey/name").asString()).as(service).isEqualTo("X-API-Key");
            assertThat(docs.get("security").size())
                    .as(service + ": either scheme")
                    .isEqualTo(2);
            assertThat(docs.at("/servers/0/url").asString())
                    .as(service + ": Try it out goes through the gateway")
                    .isEqualTo(gateway);
        }
    }

    @Test
    void everyOperationListsItsProblemAnswersAndNoCatchAll() {
        List<String> missing = new ArrayList<>();
        for (String service : SERVICES) {
            JsonNode docs = document(service);
            assertThat(docs.at("/components/schemas/ProblemDetail/properties/allowedSteps")
                            .isMissingNode())
                    .isFalse();
            for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
                for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                    JsonNode responses = operation.getValue().get("responses");
                    String name = service + " " + operation.getKey().toUpperCase() + " " + path.getKey();
                    boolean secured = !operation.getValue().has("security")
                            || !operation.getValue().get("security").isEmpty();
                    for (String status : secured ? List.of("401", "403", "429", "503") : List.of("429", "503")) {
                        if (!responses.has(status)) {
                            missing.add(name + ": " + status);
                        }
                    }
                    if (path.getKey().contains("{") && !responses.has("404")) {
                        missing.add(name + ": 404");
                    }
                    if (operation.getValue().has("requestBody") && !responses.has("413")) {
                        missing.add(name + ": 413");
                    }
                    if (responses.has("default")) {
                        missing.add(name + ": a default answer lets any status pass");
                    }
                    if (responses.has("401")) {
                        assertThat(responses
                                        .at("/401/content/application~1problem+json/schema/$ref")
                                        .asString())
                                .isEqualTo("#/components/schemas/ProblemDetail");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void successCodesAreTheOnesThePlatformAnswers() {
        JsonNode cases = document("case-service");
        JsonNode returns = cases.at("/paths/~1api~1transfers~1returns/post/responses");
        assertThat(returns.has("201")).isTrue();
        assertThat(returns.has("200")).isFalse();
        assertThat(returns.at("/201/headers/Location").isMissingNode()).isFalse();
        JsonNode imports = document("inspection-service").at("/paths/~1api~1facilities~1imports/post/responses");
        assertThat(imports.has("202")).isTrue();
        assertThat(imports.has("200")).isFalse();
        assertThat(imports.at("/202/headers/Location").isMissingNode()).isFalse();
    }

    @Test
    void stepNamesAreListedWithEveryStepOfTheStateMachine() {
        JsonNode cases = document("case-service");
        JsonNode steps = null;
        for (JsonNode parameter : cases.at("/paths/~1api~1transfers~1{id}~1steps~1{step}/post/parameters")) {
            if (parameter.get("name").asString().equals("step")) {
                steps = parameter.at("/schema/enum");
            }
        }
        assertThat(steps).isNotNull();
        assertThat(steps.valueStream().map(JsonNode::asString))
                .contains("approve", "transfer", "accept-non-filing", "accept-return", "record-outcome");
        JsonNode parts = cases.at("/components/schemas/StepRequest/properties/packageParts/items/enum");
        assertThat(parts.valueStream().map(JsonNode::asString)).contains("TRANSFER_LETTER", "SEIZED_ITEMS_LIST");
    }

    @Test
    void pathsAreTheOnesTheGatewayAnswersAndItsFallbackIsNoApi() {
        for (String service : SERVICES) {
            JsonNode paths = document(service).get("paths");
            assertThat(paths.has("/api/audit")).as(service).isFalse();
            assertThat(paths.has("/api/audit/" + service)).as(service).isTrue();
            assertThat(client.get(gateway + "/api/audit/" + service, client.as("audit-admin"))
                            .status())
                    .isEqualTo(200);
            assertThat(paths.has("/api/kafka/quarantine")).as(service).isFalse();
            assertThat(client.get(gateway + "/api/kafka/quarantine/" + service, client.as("system-admin"))
                            .status())
                    .isEqualTo(200);
            assertThat(client.get(gateway + "/api/kafka/quarantine/" + service, client.as("forestry-officer"))
                            .status())
                    .isEqualTo(403);
        }
        JsonNode gatewayPaths = document("gateway").get("paths");
        gatewayPaths.propertyNames().forEach(path -> assertThat(path).doesNotStartWith("/fallback"));
    }

    @Test
    void aDrawRequestOffersNoSeedAndAProblemSaysWhenAValueIsWithheld() {
        JsonNode inspections = document("inspection-service");
        JsonNode draw = inspections.at("/components/schemas/NewDraw/properties");
        assertThat(draw.has("region")).isTrue();
        assertThat(draw.has("seed")).as("the seed is the server's").isFalse();
        assertThat(inspections.at("/components/schemas/Announcement/properties").propertyNames())
                .contains("seed", "algorithm", "candidates", "roster", "facilityCount", "inspectorsPerFacility");
        for (String service : SERVICES) {
            assertThat(document(service)
                            .at("/components/schemas/FieldError/properties/withheld/type")
                            .asString())
                    .as(service)
                    .isEqualTo("boolean");
        }
    }

    @Test
    void everyRequestBodySaysWhichFieldsAreRequired() {
        List<String> unmarked = new ArrayList<>();
        for (String service : SERVICES) {
            JsonNode docs = document(service);
            JsonNode reporter = docs.at("/components/schemas/ReporterRequest/required");
            if (service.equals("case-service")) {
                assertThat(reporter.valueStream().map(JsonNode::asString)).contains("anonymous", "rewardRequested");
            }
            for (JsonNode path : docs.get("paths")) {
                for (JsonNode operation : path) {
                    String ref = operation
                            .at("/requestBody/content/application~1json/schema/$ref")
                            .asString("");
                    if (ref.isEmpty()) {
                        continue;
                    }
                    String name = ref.substring(ref.lastIndexOf('/') + 1);
                    JsonNode schema = docs.at("/components/schemas/" + name);
                    // A body whose every field may be left out (a step's optional details) has nothing to list.
                    boolean anyMandatory =
                            schema.has("required") && !schema.get("required").isEmpty();
                    boolean allOptionalByDesign =
                            name.endsWith("StepRequest") || name.equals("Changes") || name.equals("ChangesRequest");
                    if (!anyMandatory && !allOptionalByDesign) {
                        unmarked.add(service + " " + name);
                    }
                }
            }
        }
        assertThat(unmarked).isEmpty();
    }

    @Test
    void theResultsTableColumnsCarryTheirChineseHeaders() {
        JsonNode row = document("inspection-service").at("/components/schemas/ResultsTableRow");
        assertThat(row.at("/properties/values/properties/PERSONNEL_SORTIES/title")
                        .asString())
                .isEqualTo("出动执法人员（人次）");
        assertThat(row.at("/properties/values/properties/FINES/title").asString())
                .isEqualTo("罚款（元）");
        assertThat(row.get("description").asString()).contains("行政区划代码", "层级");
    }

    @Test
    void aMissingRequiredFieldIsReportedAsMissing() {
        String id = "FORESTRY-220112-REQ-" + UUID.randomUUID().toString().substring(0, 8);
        PlatformClient.Answer created = client.post(
                gateway + "/api/clues", """
                {"clueId":"%s","region":"220112","source":"TIP_OFF","receivedAt":"2026-11-20T01:00:00Z",
                 "summary":"热线举报","reporter":{"name":"王某","rewardRequested":false}}""".formatted(id), client.as("forestry-officer", "Accept-Language", "en"));
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.body().get("errors").get(0).get("field").asString()).isEqualTo("reporter.anonymous");
        assertThat(created.body().get("errors").get(0).get("message").asString())
                .isEqualTo("is required");
    }

    @Test
    void aStaleVersionOnATransferStepNamesTheStateAndTheStepsAllowedNow() {
        PlatformClient.Answer reported = client.post(gateway + "/api/transfers", """
                {"caseNumber":"双林罚〔2026〕409号","summary":"非法猎捕大天鹅1只，涉嫌非法狩猎罪"}""", client.as("forestry-officer"));
        String id = reported.body().get("id").asString();
        long version = reported.body().get("version").asLong();

        PlatformClient.Answer stale = client.post(
                gateway + "/api/transfers/" + id + "/steps/approve",
                "{\"expectedVersion\":" + (version + 5) + "}",
                client.as("forestry-head"));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("state").asString()).isEqualTo("REPORTED");
        assertThat(stale.body().get("version").asLong()).isEqualTo(version);
        assertThat(stale.body().get("allowedSteps").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("approve", "refuse");
    }

    @Test
    void acceptingAReferralAnswersWithTheIdOfTheAcceptingAgencysOwnClue() {
        String id = "FORESTRY-220112-ACC-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(client.post(gateway + "/api/clues", """
                {"clueId":"%s","region":"220112","source":"TIP_OFF","receivedAt":"2026-11-20T01:00:00Z",
                 "speciesCodes":["cygnus-cygnus"],"behaviours":["ILLEGAL_HUNTING"],"summary":"热线举报水库边架网捕鸟"}""".formatted(id), client.as("forestry-officer"))
                        .status())
                .isEqualTo(201);
        client.post(gateway + "/api/clues/" + id + "/steps/refer", """
                {"referredTo":"PUBLIC_SECURITY","reasons":["涉嫌非法狩猎罪，属公安机关管辖"]}""", client.as("forestry-officer"));

        PlatformClient.Answer accepted =
                client.post(gateway + "/api/clues/" + id + "/steps/accept-referral", "{}", client.as("police-officer"));

        assertThat(accepted.status()).isEqualTo(200);
        String copy = accepted.body().get("referralCopyId").asString();
        JsonNode own = client.get(gateway + "/api/clues/" + copy, client.as("police-officer"))
                .body();
        assertThat(own.get("agency").asString()).isEqualTo("PUBLIC_SECURITY");
        assertThat(own.get("referredFrom").asString()).isEqualTo(id);
    }
}
