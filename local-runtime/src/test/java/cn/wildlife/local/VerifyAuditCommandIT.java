package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.audit.AuditAction;
import cn.wildlife.audit.AuditEntry;
import cn.wildlife.audit.AuditTrail;
import cn.wildlife.embedded.EmbeddedInfrastructure;
import cn.wildlife.embedded.FreePorts;
import cn.wildlife.embedded.MongoWireStore;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify-audit} on a stopped platform's store: each service's chain intact, or its first broken link. */
class VerifyAuditCommandIT {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void reportsEveryServicesChainIntactThenTheEntryChangedInTheStore() {
        withStore(client -> {
            AuditTrail cases = new AuditTrail(client.getDatabase("cases"));
            for (int i = 0; i < 3; i++) {
                cases.append(write("officer-" + i));
            }
            new AuditTrail(client.getDatabase("inspections")).append(write("inspector"));
            new AuditTrail(client.getDatabase("gateway")).append(write("security-admin"));
        });

        assertThat(verify()).as(output()).isZero();
        assertThat(output())
                .contains("case-service: intact, 3 entries (sequence 1 to 3)")
                .contains("notification-service: intact, no entries")
                .contains("inspection-service: intact, 1 entries")
                .contains("gateway: intact, 1 entries");

        withStore(client -> client.getDatabase("cases")
                .getCollection(AuditTrail.COLLECTION)
                .updateOne(Filters.eq("_id", 2L), Updates.set("subject", "somebody-else")));
        printed.reset();

        assertThat(verify()).as(output()).isEqualTo(1);
        assertThat(output())
                .contains("case-service: BROKEN at sequence 2 (ALTERED) after 1 intact entries")
                .contains("inspection-service: intact");
    }

    @Test
    void refusesWhileThePlatformHoldsTheStore() {
        try (MongoWireStore running =
                MongoWireStore.onDisk(EmbeddedInfrastructure.storeFile(dataDir), FreePorts.pick())) {
            assertThat(verify()).as(output()).isEqualTo(2);
        }
        assertThat(output()).contains("is the platform still running?");
    }

    @Test
    void refusesWhenThereIsNoStore() {
        assertThat(verify()).isEqualTo(2);
        assertThat(output()).contains("No store at");
    }

    private int verify() {
        return new VerifyAuditCommand(new PrintStream(printed, true, StandardCharsets.UTF_8), name -> null)
                .run(List.of("--data-dir=" + dataDir));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** The store as a stopped platform left it: opened, written, closed. */
    private void withStore(Consumer<MongoClient> use) {
        try (MongoWireStore store = MongoWireStore.onDisk(EmbeddedInfrastructure.storeFile(dataDir), FreePorts.pick());
                MongoClient client = MongoClients.create(store.uri("admin"))) {
            use.accept(client);
            store.commit();
        }
    }

    private static AuditEntry write(String subject) {
        return new AuditEntry(
                Instant.parse("2026-04-01T02:00:00Z"),
                new AuditEntry.Actor(subject, subject, "FORESTRY", "220102", List.of("OFFICER")),
                AuditAction.WRITE,
                AuditEntry.Target.record("clues", "CL-1"),
                new AuditEntry.Origin(AuditEntry.Origin.REST, "POST", "/api/clues", 201, null));
    }
}
