package cn.wildlife.local.devtoken;

import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The development token issuer exists only in the local runtime (this module: the gateway's jar and image do not
 * contain it), only when the local runtime adds it to the gateway and asks for it, and refuses to start in any profile
 * but {@code local}: a platform that hands out tokens to anyone must never run in production by mistake.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DevIssuerProperties.class)
@ConditionalOnProperty(name = "platform.dev-issuer.enabled", havingValue = "true")
@Import(DevTokenController.class)
public class DevIssuerConfiguration {

    public static final String LOCAL_PROFILE = "local";

    /** Its own paths are open (a token is what they hand out); every other path keeps the gateway's rules. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain devIssuerSecurity(ServerHttpSecurity http) {
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/auth/dev/**"))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }

    @Bean
    DevTokenIssuer devTokenIssuer(DevIssuerProperties properties, Environment environment) {
        if (!environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE))) {
            throw new IllegalStateException("platform.dev-issuer.enabled is set, but the development token issuer "
                    + "runs only in the 'local' profile (active: " + String.join(",", environment.getActiveProfiles())
                    + "). Use a real OAuth2 provider elsewhere.");
        }
        return new DevTokenIssuer(properties, Clock.systemUTC());
    }

    /**
     * One sample user per agency and role worth trying, in Jilin: province 220000, Changchun 220100, counties; and
     * Liaoning forestry (210000, Shenyang 210100) for the worked example of a joint operation, seed 004's Liaoning
     * autumn–winter bird protection operation.
     */
    @Bean
    List<DevUser> devUsers() {
        return List.of(
                new DevUser(
                        "forestry-officer",
                        "林草执法员（双阳区）",
                        "FORESTRY",
                        "220112",
                        List.of("OFFICER", "HANDLER"),
                        "county forestry officer and clue handler"),
                new DevUser(
                        "forestry-head",
                        "林草局负责人（长春市）",
                        "FORESTRY",
                        "220100",
                        List.of("OFFICER", "AGENCY_HEAD"),
                        "city forestry bureau head: approves transfers"),
                new DevUser(
                        "forestry-province",
                        "省林草局执法处",
                        "FORESTRY",
                        "220000",
                        List.of("OFFICER", "HANDLER"),
                        "provincial forestry: sees the whole province"),
                new DevUser(
                        "forestry-nongan",
                        "林草执法员（农安县）",
                        "FORESTRY",
                        "220122",
                        List.of("OFFICER", "HANDLER"),
                        "a sibling county of Shuangyang"),
                new DevUser(
                        "police-officer",
                        "森林公安民警（双阳区）",
                        "PUBLIC_SECURITY",
                        "220112",
                        List.of("OFFICER", "HANDLER"),
                        "county police: receives transfers"),
                new DevUser(
                        "market-officer",
                        "市场监管执法员（南关区）",
                        "MARKET_SUPERVISION",
                        "220102",
                        List.of("OFFICER", "HANDLER"),
                        "district market supervision"),
                new DevUser(
                        "agriculture-officer",
                        "农业农村执法员（长春市）",
                        "AGRICULTURE",
                        "220100",
                        List.of("OFFICER"),
                        "city agriculture (aquatic wildlife)"),
                new DevUser(
                        "procurator",
                        "检察官（长春市）",
                        "PROCURATORATE",
                        "220100",
                        List.of("OFFICER"),
                        "city procuratorate: reads for oversight"),
                new DevUser(
                        "supervisor",
                        "森林资源监督专员办",
                        "SUPERVISION_OFFICE",
                        "220000",
                        List.of("OFFICER"),
                        "supervision office: reads the province for oversight"),
                // 三员分立: three administrators, three people, one role each.
                new DevUser(
                        "system-admin",
                        "系统管理员（省林草局）",
                        "FORESTRY",
                        "220000",
                        List.of("SYSTEM_ADMIN"),
                        "rules, calendars, species, forestry's API keys and webhooks in the province"),
                new DevUser(
                        "security-admin",
                        "安全管理员（省林草局）",
                        "FORESTRY",
                        "220000",
                        List.of("SECURITY_ADMIN"),
                        "narrows and revokes API keys in the province; assigns roles in the identity provider"),
                new DevUser(
                        "audit-admin",
                        "审计管理员（省林草局）",
                        "FORESTRY",
                        "220000",
                        List.of("AUDIT_ADMIN"),
                        "reads and verifies the audit, nothing else"),
                new DevUser(
                        "market-system-admin",
                        "系统管理员（长春市市场监管局）",
                        "MARKET_SUPERVISION",
                        "220100",
                        List.of("SYSTEM_ADMIN"),
                        "market supervision's API keys and webhooks in Changchun, none of forestry's"),
                // The agency and region are there because every token of this issuer carries them; they grant nothing.
                new DevUser(
                        "metrics-scraper",
                        "指标采集（Prometheus）",
                        "FORESTRY",
                        "220000",
                        List.of("METRICS_SCRAPER"),
                        "reads /actuator/prometheus, nothing else"),
                new DevUser(
                        "liaoning-forestry",
                        "辽宁省林草局野生动植物保护处",
                        "FORESTRY",
                        "210000",
                        List.of("OFFICER", "HANDLER"),
                        "leads a province-wide joint operation"),
                new DevUser(
                        "shenyang-forestry",
                        "沈阳市林草局",
                        "FORESTRY",
                        "210100",
                        List.of("OFFICER", "HANDLER"),
                        "a city of that operation: sorties and monthly reports"));
    }
}
