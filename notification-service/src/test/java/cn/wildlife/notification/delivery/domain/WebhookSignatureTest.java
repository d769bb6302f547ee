package cn.wildlife.notification.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    private static final Instant SIGNED_AT = Instant.ofEpochSecond(1_700_000_000L);

    @Test
    void signsTheTimestampDotBodyWithHmacSha256InHex() {
        // Computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
        assertThat(WebhookSignature.sign("whsec_test", 1_700_000_000L, BODY))
                .isEqualTo("sha256=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
    }

    @Test
    void aReceiverAcceptsTheSignatureWithinFiveMinutes() {
        String signature = WebhookSignature.sign("whsec_test", SIGNED_AT.getEpochSecond(), BODY);
        assertThat(WebhookSignature.verify("whsec_test", "1700000000", signature, BODY, SIGNED_AT.plusSeconds(299)))
                .isTrue();
    }

    @Test
    void aReplayAfterFiveMinutesIsRefused() {
        String signature = WebhookSignature.sign("whsec_test", SIGNED_AT.getEpochSecond(), BODY);
        assertThat(WebhookSignature.verify("whsec_test", "1700000000", signature, BODY, SIGNED_AT.plusSeconds(301)))
                .isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "1700000000", signature, BODY, SIGNED_AT.minusSeconds(301)))
                .as("a timestamp from the future")
                .isFalse();
    }

    @Test
    void aChangedBodyTimestampOrSecretIsRefused() {
        String signature = WebhookSignature.sign("whsec_test", SIGNED_AT.getEpochSecond(), BODY);
        assertThat(WebhookSignature.verify(
                        "whsec_test", "1700000000", signature, "{\"a\":2}".getBytes(StandardCharsets.UTF_8), SIGNED_AT))
                .isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "1700000001", signature, BODY, SIGNED_AT))
                .isFalse();
        assertThat(WebhookSignature.verify("whsec_other", "1700000000", signature, BODY, SIGNED_AT))
                .isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "yesterday", signature, BODY, SIGNED_AT))
                .isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "1700000000", null, BODY, SIGNED_AT))
                .isFalse();
    }

    @Test
    void secretsAreRandomAndRecognisable() {
        String one = WebhookSignature.newSecret();
        assertThat(one).startsWith("whsec_").hasSize(6 + 43).isNotEqualTo(WebhookSignature.newSecret());
    }
}
