package cn.wildlife.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store requests the platform's parts made so far, as each part's MongoDB driver counts them (Micrometer's
 * {@code mongodb.driver.commands} timer on {@code /actuator/prometheus}): every command a part sent, and the writes
 * among them. Counted at the client, so the figure is the same against the embedded store and MongoDB.
 */
final class StoreRequests {

    /** The commands that write: one bulk command may write many documents, so per event this is a floor. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify");

    private static final Pattern COUNT =
            Pattern.compile("^mongodb_driver_commands_seconds_count\\{([^}]*)} ([0-9.eE+]+)$", Pattern.MULTILINE);
    private static final Pattern COMMAND = Pattern.compile("command=\"([^\"]*)\"");

    /** Commands sent, and the write commands among them. */
    record Counts(double requests, double writes) {

        Counts minus(Counts earlier) {
            return new Counts(requests - earlier.requests, writes - earlier.writes);
        }
    }

    private final HttpClient http;

    StoreRequests(HttpClient http) {
        this.http = http;
    }

    /** The sum over the services' ports, read with a metrics scraper's token. */
    Counts read(PlatformProcess platform, String scraperToken) throws IOException, InterruptedException {
        double requests = 0;
        double writes = 0;
        for (int port : List.of(platform.casePort, platform.notificationPort, platform.inspectionPort)) {
            HttpResponse<String> scraped = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                            .header("Authorization", "Bearer " + scraperToken)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (scraped.statusCode() != 200) {
                throw new IllegalStateException(
                        "port " + port + " answered " + scraped.statusCode() + " to the metrics scrape");
            }
            Matcher m = COUNT.matcher(scraped.body());
            while (m.find()) {
                double count = Double.parseDouble(m.group(2));
                requests += count;
                Matcher command = COMMAND.matcher(m.group(1));
                if (command.find() && WRITES.contains(command.group(1))) {
                    writes += count;
                }
            }
        }
        return new Counts(requests, writes);
    }
}
