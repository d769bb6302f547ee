package cn.wildlife.gateway.web;

import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker sends a request its service could not answer: 504 when the service was too slow,
 * 503 when it is down or its breaker is open. Every method gets the same problem shape; nothing hangs.
 */
@RestController
class FallbackController {

    @RequestMapping("/fallback/{service}")
    Mono<Void> fallback(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        boolean zh = GatewayProblems.zh(exchange);
        if (cause instanceof TimeoutException) {
            return GatewayProblems.write(
                    exchange,
                    HttpStatus.GATEWAY_TIMEOUT,
                    "service-timeout",
                    zh ? "服务响应超时" : "The service did not answer in time",
                    (zh ? "服务未能及时响应：" : "No answer in time from ")
                            + service
                            + (zh
                                    ? "。请求可能已被处理，请先查询再重试。"
                                    : ". The request may have been applied: check before retrying."),
                    Map.of("service", service));
        }
        exchange.getResponse().getHeaders().set("Retry-After", "10");
        return GatewayProblems.write(
                exchange,
                HttpStatus.SERVICE_UNAVAILABLE,
                "service-unavailable",
                zh ? "服务暂不可用" : "The service is unavailable",
                (zh ? "暂时无法访问：" : "Cannot reach ") + service + (zh ? "，请稍后重试。" : " now; try again shortly."),
                Map.of("service", service));
    }
}
