package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.ClueSource;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.RegionCode;
import cn.wildlife.events.Topics;
import cn.wildlife.events.clue.ClueReported;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint × every sample user (each agency, role, and own / parent / sibling region) × records of several
 * agencies and regions: what each may read and do, stated independently of the code and checked through the gateway.
 * No leak (a record the user may not see answers 404 or is absent from searches) and no wrong refusal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    /** A sample user as the development issuer knows it. */
    record User(String id, Agency agency, String region, Set<String> roles) {
        boolean oversight() {
            return agency == Agency.PROCURATORATE || agency == Agency.SUPERVISION_OFFICE;
        }

        boolean covers(String other) {
            return new RegionCode(region).contains(other);
        }

        /** Reading records needs an officer's role or a partner system's; an administrator only administers. */
        boolean reader() {
            return roles.stream().anyMatch(Set.of("OFFICER", "HANDLER", "AGENCY_HEAD", "PARTNER_SYSTEM")::contains);
        }

        boolean mayRead(Record record) {
            return covers(record.region()) && (agency == record.agency() || oversight());
        }

        /** 403 without a reader's role; else 200 or, for what it may not see, 404 (its existence does not leak). */
        int readStatus(Record record) {
            return !reader() ? 403 : mayRead(record) ? 200 : 404;
        }
    }

    /** A clue seeded for the matrix, and the deadline it opened. */
    record Record(String clueId, Agency agency, String region) {
        String deadlineId() {
            return (agency == Agency.MARKET_SUPERVISION
                            ? "CLUE_CASE_DECISION_MARKET:"
                            : agency == Agency.PUBLIC_SECURITY
                                    ? "CLUE_FILING_REVIEW_POLICE:"
                                    : "CLUE_CASE_DECISION_DEFAULT:")
                    + clueId;
        }
    }

    static final List<User> USERS = List.of(
            new User("forestry-officer", Agency.FORESTRY, "220112", Set.of("OFFICER", "HANDLER")),
            new User("forestry-nongan", Agency.FORESTRY, "220122", Set.of("OFFICER", "HANDLER")),
            new User("forestry-head", Agency.FORESTRY, "220100", Set.of("OFFICER", "AGENCY_HEAD")),
            new User("forestry-province", Agency.FORESTRY, "220000", Set.of("OFFICER", "HANDLER")),
            new User("police-officer", Agency.PUBLIC_SECURITY, "220112", Set.of("OFFICER", "HANDLER")),
            new User("market-officer", Agency.MARKET_SUPERVISION, "220102", Set.of("OFFICER", "HANDLER")),
            new User("agriculture-officer", Agency.AGRICULTURE, "220100", Set.of("OFFICER")),
            new User("procurator", Agency.PROCURATORATE, "220100", Set.of("OFFICER")),
            new User("supervisor", Agency.SUPERVISION_OFFICE, "220000", Set.of("OFFICER")),
            new User("system-admin", Agency.FORESTRY, "220000", Set.of("SYSTEM_ADMIN")),
            new User("market-system-admin", Agency.MARKET_SUPERVISION, "220100", Set.of("SYSTEM_ADMIN")),
            new User("security-admin", Agency.FORESTRY, "220000", Set.of("SECURITY_ADMIN")),
            new User("audit-admin", Agency.FORESTRY, "220000", Set.of("AUDIT_ADMIN")));

    private final List<Record> records = new ArrayList<>();
    private PlatformClient client;
    private String gateway;

    @BeforeAll
    void seedRecords() {
        client = SharedPlatform.client();
        gateway = SharedPlatform.platform().gatewayUrl();
        String run = UUID.randomUUID().toString().substring(0, 6);
        records.add(new Record("FORESTRY-220112-M" + run, Agency.FORESTRY, "220112"));
        records.add(new Record("FORESTRY-220122-M" + run, Agency.FORESTRY, "220122"));
        records.add(new Record("MARKET_SUPERVISION-220102-M" + run, Agency.MARKET_SUPERVISION, "220102"));
        records.add(new Record("PUBLIC_SECURITY-220112-M" + run, Agency.PUBLIC_SECURITY, "220112"));
        records.add(new Record("FORESTRY-210100-M" + run, Agency.FORESTRY, "210100"));
        for (Record record : records) {
            ClueReported report = ClueReported.builder(
                            record.clueId(), record.region(), ClueSource.PATROL, Instant.parse("2026-11-02T01:00:00Z"))
                    .behaviours(List.of(Behaviour.ILLEGAL_HUNTING))
                    .summary("矩阵测试线索")
                    .build();
            client.publish(
                    Topics.agencyClues(record.agency()),
                    Envelope.of(URI.create("urn:test"), record.agency(), record.region(), report));
        }
        // Wait until every deadline is open, so that a 404 below means "hidden", not "not there yet".
        for (Record record : records) {
            assertThat(client.read(
                            Topics.PLATFORM_DEADLINES,
                            r -> record.deadlineId().equals(r.key()),
                            1,
                            Duration.ofSeconds(30)))
                    .hasSize(1);
        }
    }

    @TestFactory
    Stream<DynamicTest> readingOneClueOrDeadline() {
        List<DynamicTest> tests = new ArrayList<>();
        for (User user : USERS) {
            for (Record record : records) {
                int expected = user.readStatus(record);
                tests.add(DynamicTest.dynamicTest(
                        user.id() + " reads clue " + record.clueId() + " → " + expected,
                        () -> assertThat(client.get(gateway + "/api/clues/" + record.clueId(), client.as(user.id()))
                                        .status())
                                .isEqualTo(expected)));
                tests.add(DynamicTest.dynamicTest(
                        user.id() + " reads deadline of " + record.clueId() + " → " + expected,
                        () -> assertThat(client.get(
                                                gateway + "/api/deadlines/" + record.deadlineId(), client.as(user.id()))
                                        .status())
                                .isEqualTo(expected)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> searchingShowsExactlyWhatMayBeRead() {
        return USERS.stream()
                .map(user -> DynamicTest.dynamicTest(user.id() + " searches clues", () -> {
                    PlatformClient.Answer answer = client.get(gateway + "/api/clues?size=200", client.as(user.id()));
                    if (!user.reader()) {
                        assertThat(answer.status()).isEqualTo(403);
                        return;
                    }
                    JsonNode page = answer.body();
                    List<String> seen = page.get("items")
                            .valueStream()
                            .map(c -> c.get("id").asString())
                            .toList();
                    for (Record record : records) {
                        if (user.mayRead(record)) {
                            assertThat(seen)
                                    .as("%s must see %s", user.id(), record.clueId())
                                    .contains(record.clueId());
                        } else {
                            assertThat(seen)
                                    .as("%s must not see %s", user.id(), record.clueId())
                                    .doesNotContain(record.clueId());
                        }
                    }
                    assertThat(page.get("items")
                                    .valueStream()
                                    .allMatch(c -> user.covers(c.get("region").asString())
                                            && (user.oversight()
                                                    || c.get("agency")
                                                            .asString()
                                                            .equals(user.agency()
                                                                    .name()))))
                            .isTrue();
                }));
    }

    @TestFactory
    Stream<DynamicTest> searchingOutsideOnesRegionOrForAnotherAgencyIsRefused() {
        return Stream.of(
                DynamicTest.dynamicTest(
                        "county officer asks for the province",
                        () -> assertThat(client.get(gateway + "/api/clues?region=220000", client.as("forestry-officer"))
                                        .status())
                                .isEqualTo(403)),
                DynamicTest.dynamicTest(
                        "county officer asks for a sibling county",
                        () -> assertThat(client.get(gateway + "/api/clues?region=220122", client.as("forestry-officer"))
                                        .status())
                                .isEqualTo(403)),
                DynamicTest.dynamicTest(
                        "forestry asks for police clues",
                        () -> assertThat(client.get(
                                                gateway + "/api/clues?agency=PUBLIC_SECURITY",
                                                client.as("forestry-province"))
                                        .status())
                                .isEqualTo(403)),
                DynamicTest.dynamicTest(
                        "procurator filters by agency",
                        () -> assertThat(client.get(
                                                gateway + "/api/clues?agency=PUBLIC_SECURITY", client.as("procurator"))
                                        .status())
                                .isEqualTo(200)));
    }

    @TestFactory
    Stream<DynamicTest> recordingAClue() {
        return USERS.stream()
                .map(user -> DynamicTest.dynamicTest(user.id() + " records a clue in its region", () -> {
                    boolean may = !user.oversight()
                            && (user.roles().contains("OFFICER") || user.roles().contains("HANDLER"));
                    String body = """
                    {"region":"%s","source":"PATROL","receivedAt":"2026-11-20T01:00:00Z","summary":"矩阵"}""".formatted(user.region());
                    assertThat(client.post(gateway + "/api/clues", body, client.as(user.id()))
                                    .status())
                            .isEqualTo(may ? 201 : 403);
                }));
    }

    @Test
    void noOneRecordsForAnotherAgencyOrOutsideItsRegion() {
        String otherAgency = """
                {"agency":"PUBLIC_SECURITY","region":"220112","source":"PATROL","receivedAt":"2026-11-20T01:00:00Z",
                 "summary":"冒充公安"}""";
        String sibling = """
                {"region":"220122","source":"PATROL","receivedAt":"2026-11-20T01:00:00Z","summary":"越界"}""";

        assertThat(client.post(gateway + "/api/clues", otherAgency, client.as("forestry-officer"))
                        .status())
                .isEqualTo(403);
        assertThat(client.post(gateway + "/api/clues", sibling, client.as("forestry-officer"))
                        .status())
                .isEqualTo(403);
    }

    @TestFactory
    Stream<DynamicTest> registeringAFacility() {
        return USERS.stream()
                .map(user -> DynamicTest.dynamicTest(user.id() + " registers a facility", () -> {
                    boolean may = user.agency() == Agency.FORESTRY && user.reader();
                    String body = """
                    {"name":"矩阵繁育场","region":"%s","address":"某地","licenceNumber":"M-%s",
                     "licenceValidUntil":"2028-12-31","licensedSpeciesCodes":["cervus-nippon"],"purposes":["BREEDING"]}""".formatted(user.region(), UUID.randomUUID());
                    assertThat(client.post(gateway + "/api/facilities", body, client.as(user.id()))
                                    .status())
                            .isEqualTo(may ? 201 : 403);
                }));
    }

    @TestFactory
    Stream<DynamicTest> arrangingForestrysDeliveryInShuangyang() {
        return USERS.stream().flatMap(user -> {
            // The agency head and the system administrator, each for their own agency within their region.
            boolean may = (user.roles().contains("SYSTEM_ADMIN") || user.roles().contains("AGENCY_HEAD"))
                    && user.agency() == Agency.FORESTRY
                    && user.covers("220112");
            return Stream.of(
                    DynamicTest.dynamicTest(user.id() + " registers a forestry webhook for 220112", () -> {
                        // To this machine only: a webhook that an alert reached would otherwise be called.
                        PlatformClient.Answer answer =
                                client.post(gateway + "/api/webhooks", """
                                {"name":"矩阵","url":"https://localhost:1/hook","agency":"FORESTRY","region":"220112"}""", client.as(user.id()));
                        assertThat(answer.status()).isEqualTo(may ? 201 : 403);
                        if (may) {
                            String id = answer.body().get("webhook").get("id").asString();
                            assertThat(client.send(
                                                    "DELETE",
                                                    gateway + "/api/webhooks/" + id,
                                                    null,
                                                    client.as(user.id()))
                                            .status())
                                    .isEqualTo(204);
                        }
                    }),
                    DynamicTest.dynamicTest(user.id() + " subscribes forestry's 220112 office", () -> {
                        PlatformClient.Answer answer =
                                client.post(gateway + "/api/subscriptions", """
                                {"scope":"OFFICE","agency":"FORESTRY","region":"220112","channel":"EMAIL",
                                 "address":"office@shuangyang.example.cn","digest":false}""", client.as(user.id()));
                        assertThat(answer.status()).isEqualTo(may ? 201 : 403);
                        if (may) {
                            assertThat(client.send(
                                                    "DELETE",
                                                    gateway + "/api/subscriptions/"
                                                            + answer.body()
                                                                    .get("id")
                                                                    .asString(),
                                                    null,
                                                    client.as(user.id()))
                                            .status())
                                    .isEqualTo(204);
                        }
                    }),
                    DynamicTest.dynamicTest(
                            user.id() + " lists webhooks",
                            () -> assertThat(client.get(gateway + "/api/webhooks", client.as(user.id()))
                                            .status())
                                    .isEqualTo(
                                            user.roles().contains("SYSTEM_ADMIN")
                                                            || user.roles().contains("AGENCY_HEAD")
                                                    ? 200
                                                    : 403)));
        });
    }

    @TestFactory
    Stream<DynamicTest> readingTheAuditLog() {
        return USERS.stream()
                .flatMap(user -> Stream.of("case-service", "notification-service", "inspection-service")
                        .map(service -> DynamicTest.dynamicTest(
                                user.id() + " reads the audit log of " + service,
                                () -> assertThat(client.get(gateway + "/api/audit/" + service, client.as(user.id()))
                                                .status())
                                        // The security administrator reads the audit administrator's reads alone.
                                        .isEqualTo(
                                                user.roles().contains("AUDIT_ADMIN")
                                                                || user.roles().contains("SECURITY_ADMIN")
                                                        ? 200
                                                        : 403))));
    }

    @Test
    void everyReadByAnotherAgencyIsAuditedWithWhyAndOwnReadsOfPersonalDataToo() {
        Record forestry = records.get(0);
        client.get(gateway + "/api/clues/" + forestry.clueId(), client.as("procurator"));
        client.get(gateway + "/api/clues/" + forestry.clueId(), client.as("forestry-officer"));

        JsonNode entries = client.get(
                        gateway + "/api/audit/case-service?action=CROSS_AGENCY_READ&recordId=" + forestry.clueId(),
                        client.as("audit-admin"))
                .body();
        List<String> readers =
                entries.valueStream().map(e -> e.get("subject").asString()).toList();
        assertThat(readers).contains("procurator").doesNotContain("forestry-officer");
        JsonNode ownReads = client.get(
                        gateway + "/api/audit/case-service?action=PERSONAL_READ&recordId=" + forestry.clueId(),
                        client.as("audit-admin"))
                .body();
        assertThat(ownReads.valueStream().map(e -> e.get("subject").asString()))
                .contains("forestry-officer")
                .doesNotContain("procurator");
        JsonNode entry = entries.valueStream()
                .filter(e -> e.get("subject").asString().equals("procurator"))
                .findFirst()
                .orElseThrow();
        assertThat(entry.get("agency").asString()).isEqualTo("PROCURATORATE");
        assertThat(entry.get("owner").asString()).isEqualTo("FORESTRY");
        assertThat(entry.get("grant").asString()).isEqualTo("OVERSIGHT");
        assertThat(entry.get("at").asString()).isNotBlank();
    }
}
