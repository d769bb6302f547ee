package cn.wildlife.notification.delivery.email;

import cn.wildlife.notification.delivery.ChannelType;
import cn.wildlife.notification.delivery.DeliveryChannel;
import cn.wildlife.notification.delivery.DeliveryProperties;
import cn.wildlife.notification.delivery.PendingDelivery;
import cn.wildlife.notification.delivery.SendResult;
import cn.wildlife.notification.delivery.domain.Masking;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends e-mails over SMTP ({@code platform.delivery.email.*}). Without a host the channel is off, says so once at
 * start, and nothing is queued for it. The sender is built here rather than as a bean, so Boot's mail health check
 * does not turn the service's health DOWN whenever the mail server is away: a delivery simply waits and retries.
 */
@Component
class EmailChannel implements DeliveryChannel {

    private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);

    private final DeliveryProperties.Email settings;
    private final @Nullable JavaMailSenderImpl sender;

    EmailChannel(DeliveryProperties properties) {
        this.settings = properties.email();
        if (!settings.enabled()) {
            this.sender = null;
            log.info("E-mail delivery is off: no SMTP host is configured (platform.delivery.email.host)");
            return;
        }
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost(settings.host());
        mail.setPort(settings.port());
        mail.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties props = mail.getJavaMailProperties();
        String timeout = Long.toString(settings.timeout().toMillis());
        props.put("mail.smtp.connectiontimeout", timeout);
        props.put("mail.smtp.timeout", timeout);
        props.put("mail.smtp.writetimeout", timeout);
        if (settings.username() != null && !settings.username().isBlank()) {
            mail.setUsername(settings.username());
            mail.setPassword(settings.password());
            props.put("mail.smtp.auth", "true");
        }
        if (settings.starttls()) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        this.sender = mail;
        log.info(
                "E-mail delivery is on: SMTP {}:{}{}",
                settings.host(),
                settings.port(),
                settings.starttls() ? " with STARTTLS" : "");
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public boolean enabled() {
        return sender != null;
    }

    @Override
    public SendResult send(PendingDelivery delivery) {
        if (sender == null) {
            return SendResult.failed(null, "e-mail delivery is off");
        }
        String to = delivery.content(EmailMessages.TO);
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.from());
            helper.setTo(to);
            helper.setSubject(delivery.content(EmailMessages.SUBJECT));
            helper.setText(delivery.content(EmailMessages.TEXT), false);
            // The delivery id lets a mail system (and a test) tell a retry of the same delivery from a new one.
            message.setHeader("X-Wildlife-Delivery", delivery.id());
            sender.send(message);
            return SendResult.sent(null);
        } catch (MailException | MessagingException e) {
            // Mail errors quote the recipient; the log and the delivery record keep only a masked form.
            String error = String.valueOf(e.getMessage()).replace(to, Masking.email(to));
            return SendResult.failed(null, e.getClass().getSimpleName() + ": " + error);
        }
    }
}
