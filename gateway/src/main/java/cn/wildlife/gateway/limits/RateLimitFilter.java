package cn.wildlife.gateway.limits;

import cn.wildlife.gateway.web.GatewayProblems;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Limits each client in memory (no Redis): one token bucket per token subject, or per address without a token.
 * Over the limit the answer is 429 with {@code Retry-After}; the request never reaches a service. With several
 * gateway instances each keeps its own buckets, so the effective limit scales with the instances.
 */
public class RateLimitFilter implements GlobalFilter, Ordered {

    private final RateLimitProperties properties;
    private final Cache<String, Bucket> buckets;

    public RateLimitFilter(RateLimitProperties properties) {
        this.properties = properties;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(properties.forgetIdleAfter())
                .maximumSize(200_000)
                .build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!properties.enabled()) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(Principal::getName)
                .map(name -> "subject:" + name)
                .defaultIfEmpty("address:" + address(exchange))
                .flatMap(client -> {
                    Bucket bucket = buckets.get(client, this::newBucket);
                    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
                    if (probe.isConsumed()) {
                        exchange.getResponse()
                                .getHeaders()
                                .set("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
                        return chain.filter(exchange);
                    }
                    long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
                    exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(seconds));
                    boolean zh = GatewayProblems.zh(exchange);
                    return GatewayProblems.write(
                            exchange,
                            HttpStatus.TOO_MANY_REQUESTS,
                            "rate-limited",
                            zh ? "请求过于频繁" : "Too many requests",
                            zh ? "请在 " + seconds + " 秒后重试。" : "Try again in " + seconds + " s.",
                            Map.of("retryAfterSeconds", seconds));
                });
    }

    private Bucket newBucket(String client) {
        long capacity;
        long perSecond;
        if (client.startsWith("address:")) {
            capacity = properties.anonymousCapacity();
            perSecond = properties.anonymousPerSecond();
        } else {
            RateLimitProperties.Limit limit = properties
                    .clients()
                    .getOrDefault(client.substring("subject:".length()), properties.authenticated());
            capacity = limit.capacity();
            perSecond = limit.perSecond();
        }
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(capacity)
                        .refillGreedy(perSecond, java.time.Duration.ofSeconds(1))
                        .build())
                .build();
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        // After the gateway has resolved the route, before anything is forwarded.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
