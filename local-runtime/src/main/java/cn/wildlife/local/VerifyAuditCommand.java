package cn.wildlife.local;

import cn.wildlife.audit.AuditTrail;
import cn.wildlife.audit.BrokenLink;
import cn.wildlife.audit.Verification;
import cn.wildlife.embedded.EmbeddedInfrastructure;
import cn.wildlife.embedded.FreePorts;
import cn.wildlife.embedded.MongoWireStore;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code verify-audit}: walks each service's audit trail (and the gateway's) in a stopped platform's store and prints whether its hash
 * chain is intact or where it first breaks; exits 1 when one is broken (docs/audit.md). Options as for {@code run}
 * ({@code --data-dir}); the platform must be stopped, since the store file is opened here. A running platform's
 * trails are verified through {@code GET /api/audit/<service>/verification} instead.
 */
final class VerifyAuditCommand {

    /** Each service's database in the local runtime's store, and the gateway's (its API keys), in the order printed. */
    static final List<Map.Entry<String, String>> DATABASES = List.of(
            Map.entry("case-service", "cases"),
            Map.entry("notification-service", "notifications"),
            Map.entry("inspection-service", "inspections"),
            Map.entry("gateway", "gateway"));

    private final PrintStream out;
    private final Function<String, String> environment;

    VerifyAuditCommand(PrintStream out, Function<String, String> environment) {
        this.out = out;
        this.environment = environment;
    }

    int run(List<String> args) {
        LocalSettings settings;
        try {
            settings = LocalSettings.parse(args, environment);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        }
        Path file = EmbeddedInfrastructure.storeFile(settings.dataDir());
        if (!Files.exists(file)) {
            out.println("No store at " + file + ": nothing to verify.");
            return 2;
        }
        boolean broken = false;
        try (MongoWireStore store = MongoWireStore.onDisk(file, FreePorts.pick());
                MongoClient client = MongoClients.create(store.uri("admin"))) {
            for (Map.Entry<String, String> service : DATABASES) {
                Verification verification = AuditTrail.toVerify(client.getDatabase(service.getValue()))
                        .verify();
                out.println(describe(service.getKey(), verification));
                broken |= !verification.intact();
            }
        } catch (RuntimeException e) {
            out.println("Could not open the store " + file + " (is the platform still running? stop it first, or ask"
                    + " GET /api/audit/<service>/verification): " + e.getMessage());
            return 2;
        }
        return broken ? 1 : 0;
    }

    static String describe(String service, Verification verification) {
        if (verification.intact()) {
            return verification.entries() == 0
                    ? service + ": intact, no entries"
                    : String.format(
                            "%s: intact, %d entries (sequence %d to %d), last hash %s",
                            service,
                            verification.entries(),
                            verification.firstSequence(),
                            verification.lastSequence(),
                            verification.lastHash());
        }
        BrokenLink link = verification.brokenLink();
        return String.format(
                "%s: BROKEN at sequence %d (%s) after %d intact entries: expected %s, found %s",
                service,
                link.sequence(),
                link.reason(),
                verification.entries(),
                link.expectedHash() == null ? "-" : link.expectedHash(),
                link.foundHash() == null ? "-" : link.foundHash());
    }
}
