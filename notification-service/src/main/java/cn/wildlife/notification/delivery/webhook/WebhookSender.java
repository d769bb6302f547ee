package cn.wildlife.notification.delivery.webhook;

import cn.wildlife.notification.delivery.DeliveryProperties;
import cn.wildlife.notification.delivery.SendResult;
import cn.wildlife.support.web.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * POSTs to partner systems. Apache HttpClient rather than the JDK's, because its DNS resolution can be replaced:
 * here by {@link CheckedDnsResolver}, so a refused destination fails before any connection is opened and the
 * connection goes to the address that was checked. Redirects, retries, cookies and proxies are off: a partner system
 * registers the URL that answers, and the worker does the retrying.
 *
 * <p>The receiver is whoever registered the webhook, so it is bounded like any input: a whole send (connecting,
 * the answer's headers, the excerpt kept) is cut off after the connect and request timeouts together, however slowly
 * the receiver drips bytes (the client's own timeouts only bound the gap between two reads), and the answer's header
 * lines and count are limited (the client's defaults are unlimited).
 */
final class WebhookSender implements AutoCloseable {

    private static final int KEPT_RESPONSE_CHARS = 200;
    private static final int MAX_HEADER_LINE = 8192;
    private static final int MAX_HEADERS = 100;

    private final CloseableHttpClient http;
    private final Duration deadline;
    private final ScheduledExecutorService cutoffs = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "webhook-cutoff");
        thread.setDaemon(true);
        return thread;
    });

    /** {@code dns} answers for host names; every answer is judged against {@code settings}' destinations. */
    /** {@code texts} says, in English for the delivery log, why a destination was refused. */
    WebhookSender(DeliveryProperties.Webhook settings, DnsResolver dns, Texts texts) {
        Timeout answer = Timeout.of(settings.requestTimeout());
        this.deadline = settings.connectTimeout().plus(settings.requestTimeout());
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedDnsResolver(settings.destinations(), dns, texts))
                        .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                                .http1Config(Http1Config.custom()
                                        .setMaxLineLength(MAX_HEADER_LINE)
                                        .setMaxHeaderCount(MAX_HEADERS)
                                        .build())
                                .build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(answer)
                                .build())
                        .build())
                .setDefaultRequestConfig(
                        RequestConfig.custom().setResponseTimeout(answer).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("wildlife-platform-webhooks/1")
                .build();
    }

    /**
     * Any 2xx is success; anything else, a timeout or a refused connection is a failure to retry; a refused
     * destination is final (dead-lettered at once).
     */
    SendResult post(String url, byte[] body, Map<String, String> headers) {
        HttpPost post = new HttpPost(URI.create(url));
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body, ContentType.parse(WebhookPayloads.CONTENT_TYPE)));
        AtomicBoolean cutOff = new AtomicBoolean();
        ScheduledFuture<?> cutoff = cutoffs.schedule(
                () -> {
                    cutOff.set(true);
                    post.cancel();
                },
                deadline.toMillis(),
                TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = http.executeOpen(null, post, null)) {
            int status = response.getCode();
            String excerpt = excerptAndHangUp(response);
            if (status >= 200 && status < 300) {
                return SendResult.sent(status);
            }
            String said = excerpt.isBlank() ? "" : ": " + excerpt.strip();
            return SendResult.failed(
                    status,
                    "HTTP " + status
                            + (said.length() > KEPT_RESPONSE_CHARS ? said.substring(0, KEPT_RESPONSE_CHARS) : said));
        } catch (DestinationRefused e) {
            // Trying again cannot help until an administrator allow-lists it; redelivery is there for that.
            return SendResult.gone(e.getMessage());
        } catch (SocketTimeoutException e) {
            return SendResult.failed(null, "timed out: " + e.getMessage());
        } catch (ConnectException e) {
            return SendResult.failed(
                    null, "could not connect: " + (e.getMessage() == null ? "refused" : e.getMessage()));
        } catch (IOException e) {
            if (cutOff.get()) {
                return SendResult.failed(null, "timed out: no whole answer within " + deadline.toSeconds() + " s");
            }
            return SendResult.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            cutoff.cancel(false);
        }
    }

    /**
     * The start of the answer, for the delivery log. The rest is not read: a receiver that never stops sending must
     * not hold a sending thread, so the connection is cut rather than drained (closing the response would drain it).
     */
    private static String excerptAndHangUp(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return "";
        }
        InputStream in = entity.getContent();
        byte[] start = in.readNBytes(KEPT_RESPONSE_CHARS * 4);
        if (in instanceof EofSensorInputStream sensor) {
            // Once the body has ended the connection is already back in the pool, and this does nothing.
            sensor.abort();
        }
        response.setEntity(null);
        return new String(start, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        cutoffs.shutdownNow();
        http.close(CloseMode.IMMEDIATE);
    }
}
