package cn.wildlife.local;

import cn.wildlife.embedded.KafkaAccessSetup;
import cn.wildlife.embedded.KafkaCredentials;
import cn.wildlife.events.Agency;
import cn.wildlife.events.Topics;
import cn.wildlife.events.access.KafkaAccess;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The agency systems' Kafka credentials on the local runtime, for an administrator:
 *
 * <pre>
 *   kafka-users list                      every principal and whether it may connect
 *   kafka-users settings AGENCY [--java]  one agency's client settings (librdkafka / kcat -F; --java for Java clients)
 *   kafka-users add AGENCY                a new password (given, or changed), in force on the running broker at once
 *   kafka-users revoke AGENCY             the agency's system refused from its next request on
 * </pre>
 * Options as for {@code run} ({@code --data-dir}, {@code --kafka-port}, {@code --kafka-internal-port}). AGENCY is the
 * agency's topic segment ({@code forestry}, {@code public-security}, {@code market-supervision}) or its principal.
 */
final class KafkaUsersCommand {

    private final PrintStream out;
    private final Function<String, String> environment;

    KafkaUsersCommand(PrintStream out, Function<String, String> environment) {
        this.out = out;
        this.environment = environment;
    }

    int run(List<String> args) {
        List<String> words = new ArrayList<>();
        List<String> options = new ArrayList<>();
        boolean java = false;
        for (String arg : args) {
            if (arg.equals("--java")) {
                java = true;
            } else if (arg.startsWith("--")) {
                options.add(arg);
            } else {
                words.add(arg);
            }
        }
        LocalSettings settings;
        KafkaCredentials credentials;
        try {
            settings = LocalSettings.parse(options, environment);
            credentials = KafkaCredentials.read(settings.dataDir().resolve(KafkaCredentials.FILE));
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        }
        String action = words.isEmpty() ? "list" : words.get(0);
        if (action.equals("list")) {
            list(credentials);
            return 0;
        }
        Optional<String> principal = words.size() == 2 ? agencyPrincipal(words.get(1)) : Optional.empty();
        if (principal.isEmpty()) {
            out.println("name one agency system: " + String.join(", ", KafkaAccess.agencyPrincipals()));
            return 2;
        }
        String bootstrap = "localhost:" + settings.kafkaPort();
        try {
            switch (action) {
                case "settings" -> settings(bootstrap, principal.get(), credentials, java);
                case "add" -> {
                    String password = credentials.renew(principal.get());
                    KafkaAccessSetup.grant(
                            credentials.brokerClientProperties(settings.kafkaInternalPort()),
                            principal.get(),
                            password);
                    out.println(principal.get() + " may connect with its new password (its old one, if any, no "
                            + "longer works):");
                    settings(bootstrap, principal.get(), credentials, java);
                }
                case "revoke" -> {
                    KafkaAccessSetup.revoke(
                            credentials.brokerClientProperties(settings.kafkaInternalPort()), principal.get());
                    credentials.revoke(principal.get());
                    out.println(principal.get() + " revoked: its next request is refused; 'kafka-users add' gives it "
                            + "a new password.");
                }
                default -> {
                    out.println("unknown action '" + action + "': list, settings, add or revoke");
                    return 2;
                }
            }
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        } catch (IllegalStateException e) {
            out.println(e.getMessage() + " (is the platform running with this data folder?)");
            return 1;
        }
        return 0;
    }

    private void list(KafkaCredentials credentials) {
        for (String principal : KafkaAccess.allPrincipals()) {
            String what = KafkaAccess.agencyOf(principal)
                    .map(a -> "agency system, writes " + Topics.agencyClues(a) + " and " + Topics.agencyCases(a))
                    .orElse(principal.equals(KafkaAccess.ADMIN) ? "operators (all topics and groups)" : "service");
            out.printf(
                    "%-22s %-8s %s%n",
                    principal, credentials.password(principal).isPresent() ? "active" : "revoked", what);
        }
    }

    private void settings(String bootstrap, String principal, KafkaCredentials credentials, boolean java) {
        String password = credentials.required(principal);
        if (java) {
            out.println("# Java client settings of " + principal + " (e.g. publish --client-config FILE)");
            KafkaAccess.clientProperties(bootstrap, "SASL_PLAINTEXT", principal, password)
                    .forEach((name, value) -> out.println(name + "=" + value));
            return;
        }
        out.println("# librdkafka settings of " + principal + " (kcat -F FILE; kafkajs: sasl { mechanism:"
                + " 'scram-sha-512', username, password })");
        out.println("bootstrap.servers=" + bootstrap);
        out.println("security.protocol=SASL_PLAINTEXT");
        out.println("sasl.mechanism=" + KafkaAccess.MECHANISM);
        out.println("sasl.username=" + principal);
        out.println("sasl.password=" + password);
    }

    private static Optional<String> agencyPrincipal(String name) {
        return Arrays.stream(Agency.values())
                .filter(Agency::publishesOwnTopics)
                .map(KafkaAccess::agencyPrincipal)
                .filter(p -> p.equals(name) || p.equals("agency-" + name))
                .findFirst();
    }
}
