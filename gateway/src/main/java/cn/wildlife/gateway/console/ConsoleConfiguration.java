package cn.wildlife.gateway.console;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnResource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The officers' console on the gateway's own origin: {@code index.html} for each of its pages, its hashed files under
 * {@code /assets/}, with the headers of {@link ConsoleHeadersFilter}. Present only when the {@code console} module's
 * built files are on the classpath (a build with {@code -Dconsole.skip} has none, and the gateway then serves no
 * console).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnResource(resources = "classpath:" + ConsolePaths.LOCATION + "index.html")
public class ConsoleConfiguration {

    @Bean
    RouterFunction<ServerResponse> consoleRoutes() {
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
                .and(RouterFunctions.route(
                        pages,
                        request -> ServerResponse.ok()
                                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                                .bodyValue(index)));
    }

    @Bean
    ConsoleHeadersFilter consoleHeadersFilter() {
        return new ConsoleHeadersFilter();
    }
}
