package cn.wildlife.notification.delivery.sms;

import cn.wildlife.notification.delivery.DeliveryProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * An SMS provider reached over HTTP: {@code POST} of {@code {"phone", "text", "reference"}} as JSON to
 * {@code platform.delivery.sms.url}, with the API token in {@code platform.delivery.sms.token-header}. Any 2xx means
 * the provider took the message. Without a URL SMS is off, and says so once at start.
 */
@Component
class HttpSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(HttpSmsGateway.class);

    private final DeliveryProperties.Sms settings;
    private final ObjectMapper json;
    private final HttpClient http;

    HttpSmsGateway(DeliveryProperties properties, ObjectMapper json) {
        this.settings = properties.sms();
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        if (settings.enabled()) {
            URI url = URI.create(settings.url());
            log.info(
                    "SMS delivery is on: provider {}://{}{}",
                    url.getScheme(),
                    url.getAuthority(),
                    settings.token() == null ? " (no API token configured)" : "");
        } else {
            log.info("SMS delivery is off: no provider URL is configured (platform.delivery.sms.url)");
        }
    }

    @Override
    public boolean configured() {
        return settings.enabled();
    }

    @Override
    public int send(SmsMessage message) throws SmsGatewayException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("phone", message.phone());
        body.put("text", message.text());
        body.put("reference", message.reference());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.url()))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
        if (settings.token() != null && !settings.token().isBlank()) {
            request.header(settings.tokenHeader(), settings.token());
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String excerpt;
            try (InputStream in = response.body()) {
                excerpt = new String(in.readNBytes(600), StandardCharsets.UTF_8).strip();
            }
            if (response.statusCode() / 100 != 2) {
                throw new SmsGatewayException(
                        response.statusCode(),
                        "HTTP " + response.statusCode()
                                + (excerpt.isEmpty()
                                        ? ""
                                        : ": " + (excerpt.length() > 200 ? excerpt.substring(0, 200) : excerpt)));
            }
            return response.statusCode();
        } catch (HttpTimeoutException e) {
            throw new SmsGatewayException(null, "timed out: " + e.getMessage());
        } catch (IOException e) {
            throw new SmsGatewayException(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsGatewayException(null, "interrupted while sending (the instance is stopping)");
        }
    }
}
