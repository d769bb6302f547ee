package cn.wildlife.gateway.apikey;

import cn.wildlife.gateway.signing.SigningKey;
import cn.wildlife.gateway.web.GatewayProblems;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * For a request that came with an API key: refuses operations the key does not allow, then forwards it with a
 * short-lived token of the gateway's own that says which agency, region and roles the key stands for. The key itself
 * never reaches a service.
 */
public class ApiKeyTokenFilter implements GlobalFilter, Ordered {

    public static final String HEADER = "X-API-Key";

    private final SigningKey signingKey;
    private final ApiKeyProperties properties;
    private final Clock clock;

    public ApiKeyTokenFilter(SigningKey signingKey, ApiKeyProperties properties, Clock clock) {
        this.signingKey = signingKey;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(ApiKeyAuthentication.class::isInstance)
                .cast(ApiKeyAuthentication.class)
                .flatMap(auth -> forward(exchange, chain, auth.key()))
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange)));
    }

    private Mono<Void> forward(ServerWebExchange exchange, GatewayFilterChain chain, ApiKey key) {
        HttpMethod method = exchange.getRequest().getMethod();
        boolean reading =
                HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method);
        if (!reading && !key.operations().contains(ApiKey.Operation.WRITE)) {
            boolean zh = GatewayProblems.zh(exchange);
            return GatewayProblems.write(
                    exchange,
                    HttpStatus.FORBIDDEN,
                    "api-key-read-only",
                    zh ? "无权操作" : "Not allowed",
                    zh ? "该 API 密钥只允许读取。" : "This API key may only read.",
                    Map.of("apiKeyId", key.id()));
        }
        String token = signingKey.sign(claims(key));
        return chain.filter(exchange.mutate()
                .request(exchange.getRequest()
                        .mutate()
                        .headers(headers -> {
                            headers.remove(HEADER);
                            headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
                        })
                        .build())
                .build());
    }

    private JWTClaimsSet claims(ApiKey key) {
        Instant now = clock.instant();
        List<String> roles = new ArrayList<>(List.of("PARTNER_SYSTEM"));
        if (key.operations().contains(ApiKey.Operation.WRITE)) {
            roles.add("OFFICER");
        }
        return new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .subject("apikey:" + key.id())
                .audience(properties.audience())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.tokenLifetime())))
                .claim("name", key.name())
                .claim("agency", key.agency())
                .claim("region", key.region())
                .claim("roles", roles)
                .build();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
