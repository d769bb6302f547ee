package cn.wildlife.notification.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.support.web.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookUrlTest {

    private static List<FieldError> check(String url) {
        List<FieldError> errors = new ArrayList<>();
        WebhookController.checkUrl(url, errors);
        return errors;
    }

    @Test
    void httpsAnywhereAndPlainHttpOnlyToThisMachine() {
        assertThat(check("https://partner.example.cn/hooks/wildlife")).isEmpty();
        assertThat(check("http://localhost:9000/hook")).isEmpty();
        assertThat(check("http://127.0.0.1:9000/hook")).isEmpty();
        assertThat(check("http://partner.example.cn/hook")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("https"));
    }

    @Test
    void malformedOrRiskyUrlsAreNamed() {
        assertThat(check("not a url")).extracting(FieldError::field).containsExactly("url");
        assertThat(check("/relative/path")).extracting(FieldError::field).containsExactly("url");
        assertThat(check("ftp://partner.example.cn/")).extracting(FieldError::field).containsExactly("url");
        assertThat(check("https://user:pass@partner.example.cn/")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("credentials"));
        assertThat(check(null)).extracting(FieldError::field).containsExactly("url");
    }
}
