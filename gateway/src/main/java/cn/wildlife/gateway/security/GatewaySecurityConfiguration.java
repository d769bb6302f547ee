package cn.wildlife.gateway.security;

import cn.wildlife.gateway.administrator.Administrator;
import cn.wildlife.gateway.apikey.ApiKeyConfiguration;
import cn.wildlife.gateway.apikey.ApiKeys;
import cn.wildlife.gateway.console.ConsolePaths;
import cn.wildlife.gateway.web.GatewayProblems;
import cn.wildlife.gateway.web.ProblemErrorHandler;
import cn.wildlife.gateway.web.RequestIdentityFilter;
import cn.wildlife.security.AccessTokens;
import cn.wildlife.security.RememberedTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;

/** Every request through the gateway is authenticated, except what a person or monitor needs before logging in. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewaySecurityConfiguration.GatewaySecurityProperties.class)
public class GatewaySecurityConfiguration {

    /**
     * @param publicPaths    readable without a token (besides the console's pages and files, always)
     * @param allowedOrigins partner web applications allowed to call from a browser (CORS)
     * @param tokenIssuer    the identity provider's issuer ({@code iss}); required, no default
     * @param jwkSetUri      where the identity provider publishes its keys; required, no default
     * @param audience       what every accepted access token's {@code aud} must name
     */
    @ConfigurationProperties("platform.gateway.security")
    public record GatewaySecurityProperties(
            @DefaultValue({
                "/actuator/health/**",
                "/livez",
                "/readyz",
                "/actuator/info",
                "/v3/api-docs/**",
                "/swagger-ui.html",
                "/swagger-ui/**",
                "/webjars/**",
                "/api/calendar/due-date",
                "/api/inspections/draws/*/announcement",
                "/fallback/**",
                "/auth/gateway/**",
                "/auth/console/**"
            })
            List<String> publicPaths,

            @DefaultValue List<String> allowedOrigins,
            @Nullable String tokenIssuer,
            @Nullable String jwkSetUri,
            @DefaultValue(AccessTokens.DEFAULT_AUDIENCE) String audience) {}

    static final String NO_IDENTITY_PROVIDER = "No identity provider is configured: set PLATFORM_TOKEN_ISSUER and "
            + "PLATFORM_JWK_SET_URI (the OAuth2 provider's issuer and key set). There is no default: the development "
            + "issuer exists only in the local runtime, which sets them itself.";

    /**
     * The identity provider's tokens, each signature checked once: only access tokens of the configured issuer for
     * the platform's audience. A gateway without an identity provider refuses to start.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(GatewaySecurityProperties properties) {
        if (isBlank(properties.tokenIssuer()) || isBlank(properties.jwkSetUri())) {
            throw new IllegalStateException(NO_IDENTITY_PROVIDER);
        }
        OAuth2TokenValidator<Jwt> validator = AccessTokens.validator(properties.tokenIssuer(), properties.audience());
        NimbusReactiveJwtDecoder decoder =
                NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        decoder.setJwtValidator(validator);
        return RememberedTokens.reactive(decoder, validator);
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    /**
     * The token's {@code roles} as {@code ROLE_*} authorities: health details are shown to {@code SYSTEM_ADMIN}. A
     * token holding more than one administrator's role (三员分立 forbids it) gets none of them as an authority.
     */
    static Mono<AbstractAuthenticationToken> withRoles(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        boolean combined = Administrator.of(jwt).combinesRoles();
        if (jwt.getClaims().get("roles") instanceof java.util.Collection<?> roles) {
            for (Object role : roles) {
                if (!(combined && Administrator.ROLES.contains(String.valueOf(role)))) {
                    authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
                }
            }
        }
        return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
    }

    /**
     * Spring Security's strict firewall, but for how fast a header value is checked. Its own check is a Unicode
     * regular expression over every header value read, and a bearer token of ~800 characters is read several times
     * per request. Printable ASCII and tab, which tokens and almost every header are, pass that rule by definition
     * (as in the services' {@code HeaderValues}); any other value goes to the firewall's own check.
     */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderValues(headerValues());
        return firewall;
    }

    /**
     * A request the firewall refuses (a path with "..", ";" or a control character, a header with a forbidden value)
     * gets a problem answer like every other refusal, not a bare 400. The refused value is not echoed.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests() {
        return (exchange, rejected) -> GatewayProblems.write(
                exchange,
                HttpStatus.BAD_REQUEST,
                "rejected-request",
                GatewayProblems.zh(exchange) ? "请求被拒绝" : "Request rejected",
                GatewayProblems.zh(exchange)
                        ? "请求的路径或请求头含有不允许的字符。"
                        : "The request's path or headers contain characters that are not allowed.",
                Map.of());
    }

    /** A header that is absent (null) is the firewall's own to judge, as is anything but printable ASCII. */
    static Predicate<String> headerValues() {
        Predicate<String> own = StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES;
        return value -> value != null && isPrintableAscii(value) || own.test(value);
    }

    static boolean isPrintableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 || c > 0x7e) && c != '\t') {
                return false;
            }
        }
        return true;
    }

    @Bean
    GatewayProblems gatewayProblems() {
        return new GatewayProblems();
    }

    @Bean
    ProblemErrorHandler problemErrorHandler() {
        return new ProblemErrorHandler();
    }

    @Bean
    RequestIdentityFilter requestIdentityFilter() {
        return new RequestIdentityFilter();
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(
            ServerHttpSecurity http,
            GatewaySecurityProperties properties,
            GatewayProblems problems,
            ObjectProvider<ApiKeys> apiKeys,
            ReactiveJwtDecoder jwtDecoder,
            @Value("${management.server.port:-1}") int managementPort) {
        // Partner systems that cannot do OAuth2 present an API key instead of a bearer token.
        apiKeys.ifAvailable(keys -> http.addFilterAt(
                ApiKeyConfiguration.authenticationFilter(keys, problems), SecurityWebFiltersOrder.AUTHENTICATION));
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // Stateless: every request carries its token or key. The defaults kept a request cache and a security
                // context in a web session, and creating that session on every request moved it to another thread
                // pool and back (a random id on boundedElastic, then publishOn parallel): two thread hops per
                // request, each a wake-up this machine pays for in latency.
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(Customizer.withDefaults())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.OPTIONS)
                        .permitAll()
                        .pathMatchers(properties.publicPaths().toArray(String[]::new))
                        .permitAll()
                        // The officers' console: its pages and files carry no data.
                        .pathMatchers(HttpMethod.GET, ConsolePaths.ALL_PATHS.toArray(String[]::new))
                        .permitAll()
                        // The management port, when one is configured, is not published: the scraper's.
                        .matchers(exchange -> managementPort > 0
                                        && exchange.getRequest().getLocalAddress() != null
                                        && exchange.getRequest()
                                                        .getLocalAddress()
                                                        .getPort()
                                                == managementPort
                                ? ServerWebExchangeMatcher.MatchResult.match()
                                : ServerWebExchangeMatcher.MatchResult.notMatch())
                        .permitAll()
                        // Metrics are the scraper's (or a system administrator's).
                        .pathMatchers("/actuator/prometheus")
                        .access((authentication, context) -> authentication
                                .map(caller -> isSystemAdministrator(caller) || hasRole(caller, "METRICS_SCRAPER"))
                                .map(allowed -> (AuthorizationResult) new AuthorizationDecision(allowed))
                                .defaultIfEmpty(new AuthorizationDecision(false)))
                        // Routes, metrics and the rest of the actuator are for system administrators only.
                        .pathMatchers("/actuator/**")
                        .access((authentication, context) -> authentication
                                .map(GatewaySecurityConfiguration::isSystemAdministrator)
                                .map(admin -> (AuthorizationResult) new AuthorizationDecision(admin))
                                .defaultIfEmpty(new AuthorizationDecision(false)))
                        .anyExchange()
                        .authenticated())
                .oauth2ResourceServer(resource -> resource.jwt(jwt -> jwt.jwtDecoder(jwtDecoder)
                                .jwtAuthenticationConverter(GatewaySecurityConfiguration::withRoles))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /** A system administrator's token holding no other administrator's role. */
    static boolean isSystemAdministrator(Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken jwt
                && Administrator.of(jwt.getToken()).actsAs(Administrator.SYSTEM_ADMIN);
    }

    static boolean hasRole(Authentication authentication, String role) {
        return authentication instanceof JwtAuthenticationToken jwt
                && jwt.getToken().getClaims().get("roles") instanceof java.util.Collection<?> roles
                && roles.contains(role);
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(GatewaySecurityProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(new ArrayList<>(properties.allowedOrigins()));
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of(
                "Authorization", "Content-Type", "Accept-Language", "X-API-Key", RequestIdentityFilter.REQUEST_ID));
        cors.setExposedHeaders(List.of(RequestIdentityFilter.REQUEST_ID, "Retry-After", "Location"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }
}
