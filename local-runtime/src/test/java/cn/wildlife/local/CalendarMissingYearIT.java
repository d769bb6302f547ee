package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wildlife.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A deadline computed into a year with no holiday calendar (2027: published each November, not loaded yet) is
 * provisional; the administrators are told once, and loading the year recomputes it.
 */
class CalendarMissingYearIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final PlatformClient client = SharedPlatform.client();
    private final String gateway = SharedPlatform.platform().gatewayUrl();

    private String openCase(String openedAt) {
        PlatformClient.Answer opened =
                client.post(gateway + "/api/cases", """
                {"kind":"ADMINISTRATIVE","region":"220112","openedAt":"%s","title":"非法出售野生鸟类案",
                 "behaviours":["ILLEGAL_PURCHASE_TRANSPORT_SALE"],
                 "species":[{"speciesCode":"cygnus-cygnus","count":1,"unit":"ANIMAL"}],"value":6000}""".formatted(openedAt), client.as("forestry-officer"));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        return "ADMIN_PENALTY_DECISION:" + opened.body().get("id").asString();
    }

    private JsonNode deadline(String id) {
        return client.get(gateway + "/api/deadlines/" + id, client.as("forestry-officer"))
                .body();
    }

    private List<ConsumerRecord<String, byte[]>> missingYearAlerts(int atLeast) {
        return client.read(
                Topics.PLATFORM_ALERTS,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"alertId\":\"CALENDAR_MISSING:2027\""),
                atLeast,
                PATIENCE);
    }

    @Test
    void aDeadlineInAYearWithoutItsCalendarIsToldToTheAdministratorsOnceAndRecomputedWhenTheYearIsLoaded() {
        // 90 days from 10 November 2026: Monday 8 February 2027, on weekends alone.
        String first = openCase("2026-11-10T02:00:00Z");
        String second = openCase("2026-11-10T03:00:00Z");
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            for (String id : List.of(first, second)) {
                JsonNode d = deadline(id);
                assertThat(d.get("provisional").asBoolean()).isTrue();
                assertThat(d.get("dueDate").asString()).isEqualTo("2027-02-08");
            }
        });

        List<ConsumerRecord<String, byte[]>> alerts = missingYearAlerts(1);
        assertThat(alerts)
                .as("one alert for the year, however many deadlines fall in it")
                .hasSize(1);
        assertThat(new String(alerts.get(0).value(), StandardCharsets.UTF_8))
                .contains("\"kind\":\"CALENDAR_MISSING\"", "\"subjectId\":\"2027\"", "*@*/SYSTEM_ADMIN");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(inbox("system-admin")).contains("CALENDAR_MISSING");
            assertThat(inbox("forestry-officer")).doesNotContain("CALENDAR_MISSING");
            assertThat(inbox("forestry-head")).doesNotContain("CALENDAR_MISSING");
        });

        // Spring Festival 2027 as a test calendar (the published one is loaded the same way).
        PlatformClient.Answer loaded =
                client.send("PUT", gateway + "/api/calendar/years/2027", """
                {"year":2027,"source":"国务院办公厅关于2027年部分节假日安排的通知（测试数据）",
                 "holidays":[{"date":"2027-02-06","name":"春节"},{"date":"2027-02-07","name":"春节"},
                             {"date":"2027-02-08","name":"春节"},{"date":"2027-02-09","name":"春节"},
                             {"date":"2027-02-10","name":"春节"},{"date":"2027-02-11","name":"春节"},
                             {"date":"2027-02-12","name":"春节"}],
                 "adjustedWorkingDays":[{"date":"2027-02-20","name":"春节调休上班"}]}""", client.as("system-admin"));
        assertThat(loaded.status()).as(loaded.raw()).isEqualTo(200);

        for (String id : List.of(first, second)) {
            JsonNode d = deadline(id);
            assertThat(d.get("provisional").asBoolean()).isFalse();
            // 8 February is a holiday now: the next working day is Monday 15 February.
            assertThat(d.get("dueDate").asString()).isEqualTo("2027-02-15");
            assertThat(d.get("history").valueStream().map(h -> h.get("change").asString()))
                    .contains("RECOMPUTED");
        }
        assertThat(missingYearAlerts(1)).hasSize(1);
    }

    private String inbox(String user) {
        return client.get(gateway + "/api/inbox?size=200", client.as(user)).raw();
    }
}
