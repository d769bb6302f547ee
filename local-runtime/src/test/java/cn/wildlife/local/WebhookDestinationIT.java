package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A webhook cannot be pointed at the platform's own network: its delivery log would show whoever registered it what
 * answers there. Registration refuses internal hosts with a problem naming {@code url}; the local runtime allow-lists
 * loopback only, for receivers under test. (What a name resolves to is checked at each delivery: see
 * notification-service's {@code WebhookSenderTest}, which needs no DNS.) Nothing here sends a packet anywhere but
 * loopback: refused URLs are refused before anything connects.
 */
class WebhookDestinationIT {

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();
    private final List<String> created = new ArrayList<>();

    @AfterEach
    void removeWhatWasCreated() {
        created.forEach(id -> client.send("DELETE", gateway + "/api/webhooks/" + id, null, client.as("system-admin")));
    }

    @Test
    void theCloudMetadataServiceAndPrivateNetworksAreRefusedWithAProblemNamingUrl() {
        PlatformClient.Answer metadata = register("https://169.254.169.254/latest/meta-data/", "zh-CN");
        assertThat(metadata.status()).as(metadata.raw()).isEqualTo(400);
        assertThat(metadata.body().get("title").asString()).isEqualTo("请求参数有误");
        JsonNode error = onlyError(metadata);
        assertThat(error.get("field").asString()).isEqualTo("url");
        assertThat(error.get("message").asString()).startsWith("不得指向链路本地地址").contains("白名单");

        PlatformClient.Answer privateNetwork = register("https://10.0.0.5/", "en");
        assertThat(privateNetwork.status()).as(privateNetwork.raw()).isEqualTo(400);
        assertThat(onlyError(privateNetwork).get("message").asString())
                .startsWith("must not point at a private network address");
        assertThat(privateNetwork.raw())
                .as("nothing was tried, so nothing is told")
                .doesNotContainIgnoringCase("connect")
                .doesNotContainIgnoringCase("timed out");
    }

    @Test
    void everyDisguiseOfAnInternalHostIsRefused() {
        for (String url : List.of(
                "https://[fd00::1]/",
                "https://[::ffff:169.254.169.254]/",
                "https://0x7f000001/",
                "https://2130706433/",
                "https://0177.0.0.1/",
                "https://127.1/",
                "https://mongo:27017/",
                "https://kafka:9092/",
                "https://100.64.0.1/",
                "https://0.0.0.0/",
                "https://[::]/",
                "https://224.0.0.1/",
                "https://255.255.255.255/",
                "https://198.18.0.1/",
                "https://192.168.1.1/")) {
            PlatformClient.Answer answer = register(url, "en");
            assertThat(answer.status()).as(url + ": " + answer.raw()).isEqualTo(400);
            assertThat(onlyError(answer).get("field").asString()).as(url).isEqualTo("url");
        }
        assertThat(client.get(gateway + "/api/webhooks", client.as("system-admin"))
                        .raw())
                .doesNotContain("fd00::1", "0x7f000001", "mongo:27017");
    }

    @Test
    void theLocalRuntimeAllowListsLoopbackOnlyForReceiversUnderTest() {
        PlatformClient.Answer loopback = register("http://127.0.0.1:1/hook", "en");
        assertThat(loopback.status()).as(loopback.raw()).isEqualTo(201);
        created.add(loopback.body().get("webhook").get("id").asString());

        assertThat(register("https://10.0.0.5/", "en").status())
                .as("the allow-list holds loopback alone")
                .isEqualTo(400);
    }

    @Test
    void theRegistrationIsDocumentedAsCreatedWithItsLocationOrAProblem() {
        JsonNode answers = client.get(gateway + "/v3/api-docs/notification-service")
                .body()
                .get("paths")
                .get("/api/webhooks")
                .get("post")
                .get("responses");
        assertThat(answers.get("201").get("headers").has("Location"))
                .as(answers.toString())
                .isTrue();
        assertThat(answers.has("200")).as("it never answers 200").isFalse();
        assertThat(answers.get("400").get("content").has("application/problem+json"))
                .isTrue();
    }

    private PlatformClient.Answer register(String url, String language) {
        return client.post(
                gateway + "/api/webhooks", """
                {"name":"合作方系统","url":"%s","agency":"FORESTRY","region":"220112"}""".formatted(url), client.as("system-admin", "Accept-Language", language));
    }

    private static JsonNode onlyError(PlatformClient.Answer problem) {
        JsonNode errors = problem.body().get("errors");
        assertThat(errors).as(problem.raw()).hasSize(1);
        return errors.get(0);
    }
}
