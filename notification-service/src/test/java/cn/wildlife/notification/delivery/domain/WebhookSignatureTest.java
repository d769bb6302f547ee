package cn.wildlife.notification.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    private static final SignatureAlgorithm SHA256 = SignatureAlgorithm.HMAC_SHA256;
    private static final Instant SIGNED_AT = Instant.ofEpochSecond(1_700_000_000L);

    @Test
    void signsTheTimestampDotBodyWithHmacSha256InHex() {
        // Computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
        assertThat(WebhookSignature.sign(SHA256, "whsec_test", 1_700_000_000L, BODY))
                .isEqualTo("sha256=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
    }

    @Test
    void signsTheTimestampDotBodyWithHmacSm3InHexUnderItsOwnScheme() {
        // Computed independently, with the same answer from both:
        //   printf '1700000000.{"a":1}' | openssl dgst -sm3 -hmac whsec_test
        //   python3 -c 'import hmac; print(hmac.new(b"whsec_test", b"1700000000.{\"a\":1}", "sm3").hexdigest())'
        assertThat(WebhookSignature.sign(SignatureAlgorithm.HMAC_SM3, "whsec_test", 1_700_000_000L, BODY))
                .isEqualTo("sm3=2ed02033c7489e4a778c5a5ff3662bbc1b8affb020062bf2cc19c7a873367514");
    }

    @Test
    void aReceiverAcceptsTheSignatureWithinFiveMinutes() {
        String signature = WebhookSignature.sign(SHA256, "whsec_test", SIGNED_AT.getEpochSecond(), BODY);
        assertThat(WebhookSignature.verify(
                        SHA256, "whsec_test", "1700000000", signature, BODY, SIGNED_AT.plusSeconds(299)))
                .isTrue();
    }

    @Test
    void aReplayAfterFiveMinutesIsRefused() {
        String signature = WebhookSignature.sign(SHA256, "whsec_test", SIGNED_AT.getEpochSecond(), BODY);
        assertThat(WebhookSignature.verify(
                        SHA256, "whsec_test", "1700000000", signature, BODY, SIGNED_AT.plusSeconds(301)))
                .isFalse();
        assertThat(WebhookSignature.verify(
                        SHA256, "whsec_test", "1700000000", signature, BODY, SIGNED_AT.minusSeconds(301)))
                .as("a timestamp from the future")
                .isFalse();
    }

    @Test
    void aChangedBodyTimestampOrSecretIsRefused() {
        String signature = WebhookSignature.sign(SHA256, "whsec_test", SIGNED_AT.getEpochSecond(), BODY);
        assertThat(WebhookSignature.verify(
                        SHA256,
                        "whsec_test",
                        "1700000000",
                        signature,
                        "{\"a\":2}".getBytes(StandardCharsets.UTF_8),
                        SIGNED_AT))
                .isFalse();
        assertThat(WebhookSignature.verify(SHA256, "whsec_test", "1700000001", signature, BODY, SIGNED_AT))
                .isFalse();
        assertThat(WebhookSignature.verify(SHA256, "whsec_other", "1700000000", signature, BODY, SIGNED_AT))
                .isFalse();
        assertThat(WebhookSignature.verify(SHA256, "whsec_test", "yesterday", signature, BODY, SIGNED_AT))
                .isFalse();
        assertThat(WebhookSignature.verify(SHA256, "whsec_test", "1700000000", null, BODY, SIGNED_AT))
                .isFalse();
    }

    @Test
    void aReceiverChecksWithTheAlgorithmItRegisteredNotTheOneTheHeaderNames() {
        String sm3 = WebhookSignature.sign(SignatureAlgorithm.HMAC_SM3, "whsec_test", SIGNED_AT.getEpochSecond(), BODY);
        assertThat(WebhookSignature.verify(
                        SignatureAlgorithm.HMAC_SM3, "whsec_test", "1700000000", sm3, BODY, SIGNED_AT))
                .isTrue();
        assertThat(WebhookSignature.verify(SHA256, "whsec_test", "1700000000", sm3, BODY, SIGNED_AT))
                .isFalse();
        String sha256 = WebhookSignature.sign(SHA256, "whsec_test", SIGNED_AT.getEpochSecond(), BODY);
        assertThat(WebhookSignature.verify(
                        SignatureAlgorithm.HMAC_SM3, "whsec_test", "1700000000", sha256, BODY, SIGNED_AT))
                .isFalse();
    }

    @Test
    void secretsAreRandomAndRecognisable() {
        String one = WebhookSignature.newSecret();
        assertThat(one).startsWith("whsec_").hasSize(6 + 43).isNotEqualTo(WebhookSignature.newSecret());
    }
}
