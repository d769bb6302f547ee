package cn.wildlife.notification.delivery;

import cn.wildlife.notification.delivery.domain.RetryPolicy;
import cn.wildlife.notification.delivery.domain.WebhookDestinations;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How alerts leave the platform, under {@code platform.delivery.*}. The inbox and webhooks are always on; e-mail is
 * on when an SMTP host is set, SMS when a provider URL is set.
 *
 * @param retry   how a failed delivery (any channel) is tried again before it is dead-lettered
 * @param worker  the threads that send what is due
 * @param webhook timeouts of calls to partner systems, and the internal destinations they may reach
 * @param email   the SMTP server; none set means no e-mail
 * @param sms     the SMS provider; none set means no SMS
 * @param digest  the daily digest per agency
 */
@ConfigurationProperties("platform.delivery")
public record DeliveryProperties(
        @DefaultValue Retry retry,
        @DefaultValue Worker worker,
        @DefaultValue Webhook webhook,
        @DefaultValue Email email,
        @DefaultValue Sms sms,
        @DefaultValue Digest digest) {

    public DeliveryProperties {
        Duration longestSend = max(
                webhook.connectTimeout().plus(webhook.requestTimeout()),
                email.timeout().multipliedBy(3),
                sms.connectTimeout().plus(sms.requestTimeout()));
        // A lease shorter than a send would let a second instance claim an attempt still under way.
        if (worker.lease().compareTo(longestSend) <= 0) {
            throw new IllegalArgumentException("platform.delivery.worker.lease (" + worker.lease()
                    + ") must be longer than the longest send (" + longestSend + ")");
        }
    }

    /**
     * @param initialBackOff the wait after the first failure, doubled after each further one
     * @param maxBackOff     the longest wait between two tries
     * @param attempts       tries in all before the delivery is dead-lettered
     */
    public record Retry(
            @DefaultValue("30s") Duration initialBackOff,
            @DefaultValue("1h") Duration maxBackOff,
            @DefaultValue("8") int attempts) {

        public RetryPolicy policy() {
            return new RetryPolicy(initialBackOff, maxBackOff, attempts);
        }
    }

    /**
     * @param threads      sending threads of this instance (a slow receiver holds one for up to its timeout)
     * @param pollInterval how often to look for due deliveries when nothing new woke the worker
     * @param lease        how long a claimed attempt belongs to the instance that claimed it; afterwards another
     *                     instance takes it over (the first one is presumed dead)
     */
    public record Worker(
            @DefaultValue("2") int threads,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("2m") Duration lease) {}

    /**
     * @param connectTimeout how long to wait for a partner system to accept the connection
     * @param requestTimeout how long to wait for each part of its answer
     * @param allowInternal  host names and IP addresses or CIDR blocks ({@code 127.0.0.0/8}, {@code ::1},
     *                       {@code relay.agency.example}) that webhooks may reach although they are loopback,
     *                       private, link-local or otherwise internal; empty (the default) means none. Anything
     *                       listed here is a destination everyone allowed to register a webhook can probe.
     */
    public record Webhook(
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("10s") Duration requestTimeout,
            @DefaultValue List<String> allowInternal) {

        public Webhook {
            allowInternal = List.copyOf(allowInternal);
            try {
                WebhookDestinations.allowing(allowInternal);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("platform.delivery.webhook.allow-internal: " + e.getMessage(), e);
            }
        }

        /** Where webhooks may send, with this allow-list. */
        public WebhookDestinations destinations() {
            return WebhookDestinations.allowing(allowInternal);
        }
    }

    /**
     * @param host     the SMTP server; unset means e-mail is off
     * @param from     the sender address of every message
     * @param starttls whether to require STARTTLS (on for any server outside this machine)
     * @param timeout  connect, read and write timeout of the SMTP conversation, each
     */
    public record Email(
            @Nullable String host,
            @DefaultValue("25") int port,
            @Nullable String username,
            @Nullable String password,
            @DefaultValue("noreply@wildlife.local") String from,
            @DefaultValue("false") boolean starttls,
            @DefaultValue("10s") Duration timeout) {

        public boolean enabled() {
            return host != null && !host.isBlank();
        }
    }

    /**
     * @param url         where the provider accepts {@code POST} of {@code {phone, text, reference}}; unset means
     *                    SMS is off
     * @param token       the provider's API token, sent in {@code tokenHeader}
     * @param tokenHeader the header carrying the token
     */
    public record Sms(
            @Nullable String url,
            @Nullable String token,
            @DefaultValue("X-Api-Token") String tokenHeader,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("10s") Duration requestTimeout) {

        public boolean enabled() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * @param enabled       whether digests are compiled at all
     * @param time          local time in Asia/Shanghai (HH:mm) from which the day's digest is due
     * @param checkInterval how often an instance checks whether a digest is due (a digest missed while every
     *                      instance was down is sent at the next check the same day)
     */
    public record Digest(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("08:00") String time,
            @DefaultValue("1m") Duration checkInterval) {

        public Digest {
            try {
                LocalTime.parse(time);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("platform.delivery.digest.time must be HH:mm, was " + time);
            }
        }

        public LocalTime localTime() {
            return LocalTime.parse(time);
        }
    }

    private static Duration max(Duration... durations) {
        Duration longest = Duration.ZERO;
        for (Duration d : durations) {
            longest = d.compareTo(longest) > 0 ? d : longest;
        }
        return longest;
    }
}
