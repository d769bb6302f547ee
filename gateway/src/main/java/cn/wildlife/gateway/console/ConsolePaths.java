package cn.wildlife.gateway.console;

import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Where the officers' console lives on the gateway's origin. Its pages are the console router's paths
 * ({@code console/src/router.ts}); each is answered with {@code index.html}, so a page opened directly or reloaded
 * works. The same paths are open without a token in {@code GatewaySecurityConfiguration}'s public paths: the page
 * and its files carry no data, every API call the page makes carries the signed-in user's token.
 */
public final class ConsolePaths {

    /** In the {@code console} module's jar: not a Spring Boot static location, so only this package serves it. */
    static final String LOCATION = "META-INF/wildlife-console/";

    /** Files with a content hash in their name (Vite's {@code assets/}): cached for a year. */
    static final String ASSETS = "/assets/**";

    /** The console router's pages, each answered with {@code index.html}. */
    static final List<String> PAGES = List.of(
            "/",
            "/signin",
            "/signin/callback",
            "/work",
            "/clues/**",
            "/cases/**",
            "/transfers/**",
            "/oversight/**",
            "/facilities/**",
            "/operations/**",
            "/admin/**",
            "/personal-data/**");

    /** Files served as they are, under their own names. */
    static final List<String> FILES = List.of("/favicon.svg");

    /** Every path the console answers: its pages, files and assets. They carry no data, so nobody needs a token. */
    public static final List<String> ALL_PATHS = java.util.stream.Stream.of(
                    PAGES.stream(), FILES.stream(), java.util.stream.Stream.of(ASSETS))
            .flatMap(s -> s)
            .toList();

    private static final List<PathPattern> ALL =
            ALL_PATHS.stream().map(PathPatternParser.defaultInstance::parse).toList();

    private ConsolePaths() {}

    /** Whether a request path is the console's (a page, a file or an asset), as opposed to the API or the actuator. */
    static boolean isConsole(PathContainer path) {
        return ALL.stream().anyMatch(pattern -> pattern.matches(path));
    }
}
