package cn.wildlife.support.security;

import cn.wildlife.security.RememberedTokens;
import cn.wildlife.support.PlatformProperties;
import cn.wildlife.support.web.RequestSizeLimitFilter;
import cn.wildlife.support.web.Texts;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service checks the bearer token itself (defence in depth: the gateway checked it too, but a service never
 * trusts that, nor any identity header). Only health, metrics, API documents and the configured public paths are
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
    SecurityFilterChain apiSecurity(HttpSecurity http, PlatformProperties platform, SecurityProblems problems)
            throws Exception {
        List<String> open = new java.util.ArrayList<>(
                List.of("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs/**", "/error"));
        open.addAll(platform.security().publicPaths());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers(open.toArray(String[]::new))
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resource -> resource.bearerTokenResolver(new BearerHeader())
                        .authenticationManagerResolver(
                                issuers(platform.security().trustedIssuers()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * One verifier per trusted issuer, chosen by the token's {@code iss}; a token of any other issuer is refused.
     * Keys are fetched from each issuer when its first token arrives, so the gateway may start after the services.
     */
    static TrustedIssuers issuers(List<PlatformProperties.TrustedIssuer> trusted) {
        if (trusted.isEmpty()) {
            throw new IllegalStateException("platform.security.trusted-issuers is empty: no token could be verified");
        }
        Map<String, AuthenticationManager> managers = new HashMap<>();
        for (PlatformProperties.TrustedIssuer issuer : trusted) {
            NimbusJwtDecoder decoder =
                    NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
            OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(issuer.issuer());
            decoder.setJwtValidator(validator);
            JwtAuthenticationProvider provider =
                    new JwtAuthenticationProvider(RememberedTokens.blocking(decoder, validator));
            managers.put(issuer.issuer(), provider::authenticate);
        }
        return new TrustedIssuers(managers);
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
