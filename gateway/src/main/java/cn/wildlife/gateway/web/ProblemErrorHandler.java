package cn.wildlife.gateway.web;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Whatever fails in the gateway itself (no route, a refused request, a bug) still answers a problem, never a trace. */
@Order(-2)
public class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        HttpStatusCode code = error instanceof ResponseStatusException status
                ? status.getStatusCode()
                : HttpStatus.INTERNAL_SERVER_ERROR;
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        boolean zh = GatewayProblems.zh(exchange);
        String detail;
        if (status == HttpStatus.NOT_FOUND) {
            detail = zh ? "没有这个地址。" : "No API at this path.";
        } else if (status.is5xxServerError()) {
            log.error("Gateway error on {}", exchange.getRequest().getPath(), error);
            detail = zh ? "网关处理失败，请提供请求编号报告问题。" : "The gateway failed; quote the X-Request-Id when reporting it.";
        } else {
            detail = error instanceof ResponseStatusException rse && rse.getReason() != null
                    ? rse.getReason()
                    : status.getReasonPhrase();
        }
        return GatewayProblems.write(
                exchange, status, "http-" + status.value(), status.getReasonPhrase(), detail, Map.of());
    }
}
