package cn.wildlife.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code rotate-keys}: asks each service of the running local platform that seals personal data (case-service:
 * reporters, parties, identifiers; notification-service: webhook secrets) to make a new data key active and re-seal
 * under it (docs/data-protection.md), as the security administrator of the development issuer, and follows each run's
 * progress until it is done. {@code --mode=RESEAL} re-seals under the active key without a new one;
 * {@code --no-wait} returns once the run has started (it goes on in the background, and after a restart). Options as
 * for {@code run} name the ports ({@code --gateway-port}, {@code --case-port}, ...).
 */
final class RotateKeysCommand {

    private static final Duration POLL = Duration.ofSeconds(1);

    private final PrintStream out;
    private final Function<String, String> environment;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    RotateKeysCommand(PrintStream out, Function<String, String> environment) {
        this.out = out;
        this.environment = environment;
    }

    int run(List<String> args) {
        String mode = "ROTATE";
        String user = "security-admin";
        boolean wait = true;
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--mode=")) {
                mode = arg.substring("--mode=".length()).toUpperCase(java.util.Locale.ROOT);
            } else if (arg.startsWith("--user=")) {
                user = arg.substring("--user=".length());
            } else if (arg.equals("--no-wait")) {
                wait = false;
            } else {
                rest.add(arg);
            }
        }
        if (!mode.equals("ROTATE") && !mode.equals("RESEAL")) {
            out.println("--mode is ROTATE (a new data key; the default) or RESEAL");
            return 2;
        }
        LocalSettings settings;
        try {
            settings = LocalSettings.parse(rest, environment);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        }
        String gateway = "http://" + settings.localHost() + ":" + settings.gatewayPort();
        String token;
        try {
            HttpResponse<String> issued = http.send(
                    HttpRequest.newBuilder(URI.create(gateway + "/auth/dev/token?user=" + user))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (issued.statusCode() != 200) {
                out.println("No token for " + user + " from the development issuer (" + issued.statusCode() + ")");
                return 1;
            }
            token = json.readTree(issued.body()).get("access_token").asString();
        } catch (IOException e) {
            out.println("The platform does not answer at " + gateway + " (is it running? " + e + ")");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        int worst = 0;
        for (var service : List.of(
                java.util.Map.entry("case-service", settings.casePort()),
                java.util.Map.entry("notification-service", settings.notificationPort()))) {
            String base = "http://" + settings.localHost() + ":" + service.getValue();
            worst = Math.max(worst, rotate(service.getKey(), base, token, mode, wait));
        }
        return worst;
    }

    private int rotate(String name, String base, String token, String mode, boolean wait) {
        try {
            HttpResponse<String> started = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/key-rotations?mode=" + mode))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() != 202) {
                out.println(name + " answered " + started.statusCode() + ": " + started.body());
                return 1;
            }
            JsonNode run = json.readTree(started.body());
            String id = run.get("id").asString();
            out.println(name + ": " + (mode.equals("ROTATE") ? "rotation " : "re-sealing ") + id
                    + " started; active data key " + run.get("activeKey").asString() + ".");
            if (!wait) {
                out.println("It goes on in the background: GET " + base + "/api/key-rotations/" + id);
                return 0;
            }
            String shown = "";
            while (true) {
                Thread.sleep(POLL.toMillis());
                HttpResponse<String> progress = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/key-rotations/" + id))
                                .header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (progress.statusCode() != 200) {
                    out.println(name + " answered " + progress.statusCode() + ": " + progress.body());
                    return 1;
                }
                run = json.readTree(progress.body());
                String line = describe(run);
                if (!line.equals(shown)) {
                    out.println(name + ": " + line);
                    shown = line;
                }
                String state = run.get("state").asString();
                if (!state.equals("RUNNING")) {
                    return state.equals("DONE") ? 0 : 1;
                }
            }
        } catch (IOException e) {
            out.println("The platform does not answer at " + base + " (is it running? " + e + ")");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** One line: the state and each step's documents done of its total. */
    static String describe(JsonNode run) {
        StringBuilder line = new StringBuilder(run.get("state").asString());
        for (JsonNode step : run.get("steps")) {
            long total = step.get("total").asLong();
            line.append("  ")
                    .append(step.get("name").asString())
                    .append(' ')
                    .append(step.get("done").asLong())
                    .append('/')
                    .append(total < 0 ? "?" : String.valueOf(total));
        }
        JsonNode error = run.get("error");
        if (error != null && !error.isNull()) {
            line.append("  (").append(error.asString()).append(')');
        }
        return line.toString();
    }
}
