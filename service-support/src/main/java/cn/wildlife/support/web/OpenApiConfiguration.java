package cn.wildlife.support.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Each service's OpenAPI document, named after the service and made complete enough to integrate from alone: the
 * gateway's two ways of authenticating, every problem answer an operation can get (from the service, from the
 * gateway in front of it), and paths as the gateway exposes them.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    public static final String BEARER = "bearerJwt";
    public static final String API_KEY = "apiKey";
    /** The header the gateway reads an API key from (its {@code ApiKeyConfiguration}). */
    public static final String API_KEY_HEADER = "X-API-Key";

    static final String PROBLEM = "ProblemDetail";
    /** Each service has its own of these; the gateway routes {@code <path>/<service>} to it. */
    private static final List<String> PER_SERVICE_PATHS =
            List.of("/api/audit", "/api/kafka/quarantine", "/api/key-rotations", "/api/data-keys");

    @Bean
    OpenAPI serviceOpenApi(Environment environment) {
        String name = environment.getProperty("spring.application.name", "service");
        return new OpenAPI()
                .info(new Info()
                        .title(name)
                        .version("v1")
                        .description("Joint wildlife enforcement platform: " + name
                                + ". Call it through the gateway, with a bearer "
                                + "token (OAuth2 JWT) or an API key in the " + API_KEY_HEADER
                                + " header. Errors are RFC 9457 "
                                + "problem details (application/problem+json); send Accept-Language: zh-CN for Chinese "
                                + "messages."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description(
                                                "访问令牌：OAuth2 JWT, carrying " + "the caller's agency, region and roles"))
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name(API_KEY_HEADER)
                                        .description("API 密钥：for "
                                                + "partner systems that cannot do OAuth2; issued by the gateway's "
                                                + "administrators, checked by the gateway")))
                // Either scheme is enough: two requirements, not one with both.
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }

    /**
     * The answers every operation can get besides its own: bad input (400), the gateway's authentication (401) and
     * the service's authorisation (403), a record that does not exist or is not visible (404), a version or state
     * conflict (409), a body over the limit (413), the gateway's rate limit (429), an incident (500), and the
     * gateway's fallbacks when the service is down or slow (503, 504). An operation's own documented answer wins.
     */
    @Bean
    OpenApiCustomizer problemAnswers(Environment environment) {
        String service = environment.getProperty("spring.application.name", "service");
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.components(components);
            components.addSchemas("FieldError", fieldErrorSchema());
            components.addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            components.getSchemas().values().forEach(OpenApiConfiguration::anyValueMaps);
            openApi.paths(gatewayPaths(openApi.getPaths(), service));
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperationsMap()
                            .forEach((method, operation) -> addProblems(path, method, operation)));
        };
    }

    /**
     * A {@code Map<String, Object>} (a timeline entry's details) holds any JSON value; swagger-core writes its values
     * as objects, which a string or a number breaks. Say "any value".
     */
    @SuppressWarnings("rawtypes")
    static void anyValueMaps(Schema<?> schema) {
        if (schema.getProperties() == null) {
            return;
        }
        for (Schema property : schema.getProperties().values()) {
            if (property.getAdditionalProperties() instanceof Schema values
                    && values.get$ref() == null
                    && "object".equals(values.getType())
                    && values.getProperties() == null) {
                property.setAdditionalProperties(true);
            }
        }
    }

    /**
     * The audit log, the Kafka quarantine and the data keys are reachable only as {@code <path>/<service>[/rest]}
     * (each service has its own, and the gateway routes by that segment); the document names them as a partner
     * calls them.
     */
    static Paths gatewayPaths(Paths paths, String service) {
        if (paths.keySet().stream().noneMatch(path -> perServiceBase(path) != null)) {
            return paths;
        }
        Paths renamed = new Paths();
        paths.forEach((path, item) -> {
            String base = perServiceBase(path);
            renamed.addPathItem(base == null ? path : base + "/" + service + path.substring(base.length()), item);
        });
        if (paths.getExtensions() != null) {
            renamed.setExtensions(paths.getExtensions());
        }
        return renamed;
    }

    private static @Nullable String perServiceBase(String path) {
        for (String base : PER_SERVICE_PATHS) {
            if (path.equals(base) || path.startsWith(base + "/")) {
                return base;
            }
        }
        return null;
    }

    static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.responses(responses);
        boolean secured =
                operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        boolean hasInput = operation.getRequestBody() != null
                || operation.getParameters() != null
                        && !operation.getParameters().isEmpty();
        boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        Map<String, String> answers = new LinkedHashMap<>();
        if (hasInput) {
            answers.put("400", "请求参数有误 Invalid request: the errors list names each bad field");
        }
        if (secured) {
            answers.put("401", "需要身份认证 No valid bearer token or API key (from the gateway)");
            answers.put("403", "无权操作 Authenticated, but not allowed to do this");
        }
        if (path.contains("{")) {
            answers.put("404", "未找到 No such record, or not visible to the caller");
        }
        if (writes) {
            answers.put(
                    "409",
                    "与当前状态冲突 Conflicts with the record's current state or version: the problem "
                            + "names the state (and, for steps, the allowed steps) or the current version");
        }
        if (operation.getRequestBody() != null) {
            answers.put("413", "请求正文过大 The body is over the size limit");
        }
        answers.put("429", "请求过于频繁 Over the caller's rate limit (from the gateway); see Retry-After");
        answers.put("500", "系统内部错误 An incident: the problem carries its id");
        answers.put("503", "服务暂不可用 The service is unavailable (from the gateway); see Retry-After");
        answers.put(
                "504",
                "服务响应超时 The service did not answer in time (from the gateway): the request may " + "have been applied");
        answers.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, problemResponse(status, description));
            }
        });
        // A refusal an operation declares itself (410 for a record erased on purpose) is a problem too.
        responses.forEach((status, response) -> {
            if (status.startsWith("4")) {
                response.content(
                        problemResponse(status, response.getDescription()).getContent());
            }
        });
    }

    private static ApiResponse problemResponse(String status, String description) {
        Schema<?> ref = new Schema<>().$ref("#/components/schemas/" + PROBLEM);
        ApiResponse response = new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                new MediaType().schema(ref))
                        .addMediaType(
                                org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                                new MediaType().schema(ref)));
        if ("429".equals(status) || "503".equals(status)) {
            response.addHeaderObject(
                    "Retry-After",
                    new Header().description("seconds to wait before retrying").schema(new IntegerSchema()));
        }
        return response;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> problemSchema() {
        Schema problem = new ObjectSchema()
                .description(
                        "RFC 9457 problem details. type is "
                                + ProblemDetailsAdvice.TYPE_PREFIX
                                + "<code>; title and detail follow Accept-Language. Further "
                                + "members give the facts of the problem (errors, state, allowedSteps, version, incident, ...).");
        problem.addProperty(
                "type",
                new StringSchema()
                        .format("uri-reference")
                        .example(ProblemDetailsAdvice.TYPE_PREFIX + "step-not-allowed"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().format("uri-reference"));
        problem.addProperty(
                "errors",
                new ArraySchema()
                        .items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("400: each bad field"));
        problem.addProperty("state", new StringSchema().description("409: the record's current state"));
        problem.addProperty(
                "allowedSteps",
                new ArraySchema()
                        .items(new StringSchema())
                        .description("409 on a step: the steps the current state allows"));
        problem.addProperty(
                "version",
                new IntegerSchema().format("int64").description("409 on a stale expectedVersion: the current version"));
        problem.addProperty("incident", new StringSchema().description("500: quote it when reporting the problem"));
        problem.setRequired(List.of("type", "title", "status"));
        problem.setAdditionalProperties(true);
        return problem;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> fieldErrorSchema() {
        Schema error = new ObjectSchema().description("One bad field of a request");
        error.addProperty("field", new StringSchema().description("the field's path, e.g. reporter.anonymous"));
        error.addProperty("message", new StringSchema());
        error.addProperty(
                "rejectedValue",
                new Schema<>()
                        .description(
                                "the value sent, if any; never for a field carrying personal data (then withheld)"));
        error.addProperty(
                "withheld",
                new io.swagger.v3.oas.models.media.BooleanSchema()
                        .description("true when a value was sent but is not echoed: the field carries personal data"));
        error.setRequired(List.of("field", "message"));
        return error;
    }

    /**
     * Lists the values a path or query parameter of one controller takes (a step's name, a code), where the Java
     * signature is a String checked against an enum at run time: the document shows the list, not a free string.
     */
    public static OperationCustomizer parameterValues(Class<?> controller, String parameter, List<String> values) {
        return (operation, handler) -> {
            if (handler.getBeanType() == controller && operation.getParameters() != null) {
                operation.getParameters().stream()
                        .filter(p -> parameter.equals(p.getName()) && p.getSchema() != null)
                        .forEach(p -> {
                            StringSchema listed = new StringSchema();
                            values.forEach(listed::addEnumItem);
                            p.setSchema(listed);
                        });
            }
            return operation;
        };
    }

    /**
     * How every type of the document is read: {@link PlatformModels}. One converter, not a chain of two: springdoc
     * puts its own converters before swagger's in an order beans do not control, and a second one after this would
     * never be asked.
     */
    @Bean
    ModelConverter platformModels() {
        return new PlatformModels();
    }

    /**
     * Swagger's reading of types with two changes. A record's primitive components are required: Jackson refuses a
     * missing or null primitive rather than guessing false or 0, so the schema says so (bean-validation constraints
     * already mark the others). And a type nested in a {@code domain} class is named after its enclosing type too
     * ({@code DeadlineRuleExtension}, {@code DeadlineClockExtension}): schemas are keyed by name, and two nested types
     * of one simple name silently shared one schema, the second's answers checked against the first's.
     */
    static final class PlatformModels extends ModelResolver {

        PlatformModels() {
            super(Json.mapper(), new DomainTypeNames());
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
            Schema resolved = super.resolve(type, context, chain);
            if (resolved == null || type.getType() == null) {
                return resolved;
            }
            Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
            if (raw == null || !raw.isRecord()) {
                return resolved;
            }
            Schema model = resolved;
            if (resolved.get$ref() != null && context.getDefinedModels() != null) {
                String ref = resolved.get$ref();
                model = context.getDefinedModels().get(ref.substring(ref.lastIndexOf('/') + 1));
            }
            if (model == null || model.getProperties() == null) {
                return resolved;
            }
            for (RecordComponent component : raw.getRecordComponents()) {
                if (component.getType().isPrimitive()
                        && model.getProperties().containsKey(component.getName())
                        && (model.getRequired() == null || !model.getRequired().contains(component.getName()))) {
                    model.addRequiredItem(component.getName());
                }
            }
            return resolved;
        }
    }

    /** Swagger's names, but a domain type's nested type carries its enclosing type's name (an explicit name wins). */
    static final class DomainTypeNames extends TypeNameResolver {

        @Override
        protected String getNameOfClass(Class<?> cls) {
            Class<?> outer = cls.getEnclosingClass();
            if (outer != null && cls.getPackageName().endsWith(".domain")) {
                return outer.getSimpleName() + cls.getSimpleName();
            }
            return super.getNameOfClass(cls);
        }
    }
}
