package cn.wildlife.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A trace collector of the test's own: the OTLP/HTTP protobuf endpoint ({@code POST /v1/traces}) every application of
 * the shared platform exports its spans to, keeping what it received by trace id. Only sampled traces arrive (the
 * shared platform samples none of its own: {@link SharedPlatform}), so what it keeps stays small; past
 * {@link #MAX_SPANS} it keeps nothing more.
 */
final class OtlpCollector implements AutoCloseable {

    /** One exported span, as much of it as the tests look at; kind as OpenTelemetry names it (SERVER, PRODUCER...). */
    record CollectedSpan(
            String service, String traceId, String spanId, String parentSpanId, String name, String kind) {}

    private static final int MAX_SPANS = 20_000;

    private final HttpServer server;
    private final Map<String, List<CollectedSpan>> byTrace = new ConcurrentHashMap<>();
    private final AtomicInteger kept = new AtomicInteger();

    OtlpCollector() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("no port for the trace collector", e);
        }
        server.createContext("/v1/traces", this::receive);
        server.start();
    }

    /** What {@code management.opentelemetry.tracing.export.otlp.endpoint} names. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    /** The spans of one trace received so far, in the order they arrived. */
    List<CollectedSpan> trace(String traceId) {
        List<CollectedSpan> spans = byTrace.get(traceId);
        if (spans == null) {
            return List.of();
        }
        synchronized (spans) {
            return List.copyOf(spans);
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            ExportTraceServiceRequest request;
            try (InputStream body =
                    "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                            ? new GZIPInputStream(exchange.getRequestBody())
                            : exchange.getRequestBody()) {
                request = ExportTraceServiceRequest.parseFrom(body);
            }
            keep(request);
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    private void keep(ExportTraceServiceRequest request) {
        HexFormat hex = HexFormat.of();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = resource.getResource().getAttributesList().stream()
                    .filter(a -> a.getKey().equals("service.name"))
                    .map(KeyValue::getValue)
                    .map(v -> v.getStringValue())
                    .findFirst()
                    .orElse("");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (io.opentelemetry.proto.trace.v1.Span span : scope.getSpansList()) {
                    if (kept.incrementAndGet() > MAX_SPANS) {
                        return;
                    }
                    CollectedSpan collected = new CollectedSpan(
                            service,
                            hex.formatHex(span.getTraceId().toByteArray()),
                            hex.formatHex(span.getSpanId().toByteArray()),
                            hex.formatHex(span.getParentSpanId().toByteArray()),
                            span.getName(),
                            span.getKind().name().substring("SPAN_KIND_".length()));
                    List<CollectedSpan> spans = byTrace.computeIfAbsent(collected.traceId(), t -> new ArrayList<>());
                    synchronized (spans) {
                        spans.add(collected);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
