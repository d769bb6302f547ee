package cn.wildlife.support.security;

import cn.wildlife.security.AccessTokens;
import cn.wildlife.security.RememberedTokens;
import cn.wildlife.support.PlatformProperties;
import cn.wildlife.support.web.RequestSizeLimitFilter;
import cn.wildlife.support.web.Texts;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service checks the bearer token itself (defence in depth: the gateway checked it too, but a service never
 * trusts that, nor any identity header). Only health probes, API documents and the configured public paths are
 * open.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceSecurityConfiguration {

    static {
        // The caller comes from the token, not from a request parameter: keep it out of the API documents.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    SecurityProblems securityProblems(Texts texts) {
        return new SecurityProblems(texts);
    }

    /** Spring Security's strict firewall, with its header value check as fast as the common case allows. */
    @Bean
    HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(HeaderValues.printableAsciiFirst(StrictHttpFirewall.ALLOWED_HEADER_VALUES));
        return firewall;
    }

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            PlatformProperties platform,
            SecurityProblems problems,
            @Value("${management.server.port:-1}") int managementPort)
            throws Exception {
        // Probes stay open for orchestrators; health details need a system administrator's token (show-details:
        // when-authorized). Metrics are for the scraper: on the management port when one is configured (not
        // published), else with a system administrator's or a scraper's token.
        List<String> open = new java.util.ArrayList<>(
                List.of("/actuator/health/**", "/livez", "/readyz", "/actuator/info", "/v3/api-docs/**", "/error"));
        open.addAll(platform.security().publicPaths());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers(open.toArray(String[]::new))
                        .permitAll()
                        .requestMatchers(request -> managementPort > 0 && request.getLocalPort() == managementPort)
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasAnyRole(Role.SYSTEM_ADMIN.name(), Role.METRICS_SCRAPER.name())
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resource -> resource.bearerTokenResolver(new BearerHeader())
                        .authenticationManagerResolver(issuers(
                                platform.security().trustedIssuers(),
                                platform.security().audience()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * One verifier per trusted issuer, chosen by the token's {@code iss}; a token of any other issuer is refused.
     * Keys are fetched from each issuer when its first token arrives, so the gateway may start after the services.
     * Only access tokens naming {@code audience} are accepted; the {@code roles} claim becomes {@code ROLE_*}
     * authorities (health details and metrics ask for them).
     */
    static TrustedIssuers issuers(List<PlatformProperties.TrustedIssuer> trusted, String audience) {
        if (trusted.isEmpty()) {
            throw new IllegalStateException(NO_IDENTITY_PROVIDER);
        }
        Map<String, AuthenticationManager> managers = new HashMap<>();
        for (PlatformProperties.TrustedIssuer issuer : trusted) {
            if (isBlank(issuer.issuer()) || isBlank(issuer.jwkSetUri())) {
                throw new IllegalStateException(NO_IDENTITY_PROVIDER);
            }
            NimbusJwtDecoder decoder =
                    NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
            OAuth2TokenValidator<Jwt> validator = AccessTokens.validator(issuer.issuer(), audience);
            decoder.setJwtValidator(validator);
            JwtAuthenticationProvider provider =
                    new JwtAuthenticationProvider(RememberedTokens.blocking(decoder, validator));
            provider.setJwtAuthenticationConverter(ServiceSecurityConfiguration::withRoles);
            managers.put(issuer.issuer(), provider::authenticate);
        }
        return new TrustedIssuers(managers);
    }

    static final String NO_IDENTITY_PROVIDER = "No identity provider is configured: set PLATFORM_TOKEN_ISSUER and "
            + "PLATFORM_JWK_SET_URI (the OAuth2 provider's issuer and key set), and PLATFORM_GATEWAY_ISSUER and "
            + "PLATFORM_GATEWAY_JWK_SET_URI (the gateway's). There is no default: the development issuer exists only in "
            + "the local runtime, which sets them itself.";

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    /**
     * The token's platform roles as {@code ROLE_*} authorities; the {@link Caller} still reads them from the claim. A
     * token holding more than one administrator's role (三员分立 forbids it) gets none of them as an authority, so
     * health details and metrics are refused to it like every administrative action ({@link Access}).
     */
    static JwtAuthenticationToken withRoles(Jwt jwt) {
        List<GrantedAuthority> authorities = new java.util.ArrayList<>();
        if (jwt.getClaims().get(CallerArgumentResolver.CLAIM_ROLES) instanceof Collection<?> roles) {
            Set<String> administrators =
                    Role.ADMINISTRATORS.stream().map(Role::name).collect(Collectors.toSet());
            boolean combined = roles.stream()
                            .map(String::valueOf)
                            .filter(administrators::contains)
                            .distinct()
                            .count()
                    > 1;
            for (Object role : roles) {
                if (!(combined && administrators.contains(String.valueOf(role)))) {
                    authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
                }
            }
        }
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    @Bean
    WebMvcConfigurer callerArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    /** Before security, so an oversized body is refused without being read, with or without a token. */
    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(PlatformProperties platform, Texts texts) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(platform.security().maxBodyBytes(), texts));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    AuditLog auditLog(MongoDatabase database, Clock clock) {
        return new AuditLog(database, clock);
    }

    @Bean
    Access access(AuditLog audit) {
        return new Access(audit);
    }
}
