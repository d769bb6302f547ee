package cn.wildlife.notification.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.notification.delivery.domain.WebhookDestinations;
import cn.wildlife.support.web.FieldError;
import cn.wildlife.support.web.Texts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookUrlTest {

    private static final Texts TEXTS = Texts.of("cn.wildlife.notification.texts");

    private static final WebhookDestinations NONE = WebhookDestinations.noneAllowed();
    private static final WebhookDestinations LOOPBACK = WebhookDestinations.allowing(List.of("127.0.0.0/8", "::1"));

    private static List<FieldError> check(String url) {
        return check(url, NONE);
    }

    private static List<FieldError> check(String url, WebhookDestinations destinations) {
        List<FieldError> errors = new ArrayList<>();
        WebhookController.checkUrl(url, destinations, errors, TEXTS);
        return errors;
    }

    @Test
    void httpsAnywhereAndPlainHttpOnlyToThisMachine() {
        assertThat(check("https://partner.example.cn/hooks/wildlife")).isEmpty();
        assertThat(check("http://localhost:9000/hook", LOOPBACK)).isEmpty();
        assertThat(check("http://127.0.0.1:9000/hook", LOOPBACK)).isEmpty();
        assertThat(check("http://[::1]:9000/hook", LOOPBACK)).isEmpty();
        assertThat(check("http://partner.example.cn/hook"))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("https"));
    }

    @Test
    void malformedOrRiskyUrlsAreNamed() {
        assertThat(check("not a url")).extracting(FieldError::field).containsExactly("url");
        assertThat(check("/relative/path")).extracting(FieldError::field).containsExactly("url");
        assertThat(check("ftp://partner.example.cn/"))
                .extracting(FieldError::field)
                .containsExactly("url");
        assertThat(check("https://user:pass@partner.example.cn/"))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("credentials"));
        assertThat(check(null)).extracting(FieldError::field).containsExactly("url");
    }

    @Test
    void internalDestinationsAreRefusedUnlessAllowListed() {
        for (String url : List.of(
                "https://169.254.169.254/latest/meta-data/",
                "https://10.0.0.5/",
                "https://[fd00::1]/",
                "https://[::ffff:127.0.0.1]/",
                "https://mongo:27017/",
                "https://kafka:9092/",
                "https://localhost/",
                "http://127.0.0.1:9000/hook",
                "https://0x7f000001/",
                "https://2130706433/",
                "https://0177.0.0.1/",
                "https://127.1/",
                "https://user@127.1:8443/")) {
            assertThat(check(url)).as(url).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("url");
                assertThat(e.message()).startsWith("must not point at ");
                assertThat(e.rejectedValue()).isEqualTo(url);
            });
        }
        assertThat(check("https://169.254.169.254/"))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("link-local", "allow-list"));
        assertThat(check("https://0x7f000001/", LOOPBACK))
                .as("a numeric trick stays refused")
                .hasSize(1);
        assertThat(check("https://10.0.0.5/", LOOPBACK)).hasSize(1);
        assertThat(check("https://10.0.0.5/", WebhookDestinations.allowing(List.of("10.0.0.0/24"))))
                .isEmpty();
    }
}
