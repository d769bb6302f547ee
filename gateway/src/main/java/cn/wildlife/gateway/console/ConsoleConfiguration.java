package cn.wildlife.gateway.console;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnResource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The officers' console on the gateway's own origin: {@code index.html} for each of its pages, its hashed files under
 * {@code /assets/}, with the headers of {@link ConsoleHeadersFilter}. Present only when the {@code console} module's
 * built files are on the classpath (a build with {@code -Dconsole.skip} has none, and the gateway then serves no
 * console).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnResource(resources = "classpath:" + ConsolePaths.LOCATION + "index.html")
@EnableConfigurationProperties(ConsoleSignInProperties.class)
public class ConsoleConfiguration {

    /** Where the console reads how to sign in; open without a token (see the gateway's public paths). */
    public static final String SIGN_IN_SETTINGS = "/auth/console/sign-in";

    static final String TOKEN_ISSUER = "platform.gateway.security.token-issuer";

    @Bean
    RouterFunction<ServerResponse> consoleRoutes(ConsoleSignInProperties signIn, Environment environment) {
        Resource index = new ClassPathResource(ConsolePaths.LOCATION + "index.html");
        RequestPredicate pages = ConsolePaths.PAGES.stream()
                .map(page -> GET(page))
                .reduce(RequestPredicate::or)
                .orElseThrow();
        RouterFunction<ServerResponse> files = ConsolePaths.FILES.stream()
                .map(file -> RouterFunctions.route(
                        GET(file),
                        request -> ServerResponse.ok()
                                .bodyValue(new ClassPathResource(ConsolePaths.LOCATION + file.substring(1)))))
                .reduce(RouterFunction::and)
                .orElseThrow();
        return RouterFunctions.resources(ConsolePaths.ASSETS, new ClassPathResource(ConsolePaths.LOCATION + "assets/"))
                .and(files)
                .and(RouterFunctions.route(GET(SIGN_IN_SETTINGS), request -> signInSettings(signIn, environment)))
                .and(RouterFunctions.route(
                        pages,
                        request -> ServerResponse.ok()
                                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                                .bodyValue(index)));
    }

    /** The provider's issuer and the console's client there, or 404 where the console signs in another way. */
    private static Mono<ServerResponse> signInSettings(ConsoleSignInProperties signIn, Environment environment) {
        return signIn.issuerOr(tokenIssuer(environment))
                .map(issuer -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                        .bodyValue(Map.of("issuer", issuer, "clientId", signIn.clientId(), "scope", signIn.scope())))
                .orElseGet(() -> ServerResponse.notFound().build());
    }

    @Bean
    ConsoleHeadersFilter consoleHeadersFilter(ConsoleSignInProperties signIn, Environment environment) {
        return new ConsoleHeadersFilter(
                signIn.issuerOr(tokenIssuer(environment)).map(ConsoleSignInProperties::originOf));
    }

    /** The issuer whose tokens the gateway accepts (its security package's setting, read here by name). */
    private static @Nullable String tokenIssuer(Environment environment) {
        return environment.getProperty(TOKEN_ISSUER);
    }
}
