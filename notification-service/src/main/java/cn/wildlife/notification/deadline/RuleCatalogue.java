package cn.wildlife.notification.deadline;

import cn.wildlife.notification.deadline.domain.DeadlineRule;
import cn.wildlife.support.mongo.MongoSupport;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The rules, held in the {@code rules} collection (one document per rule version). The statutory defaults shipped
 * with the service are added at start when their version is not there yet; versions already stored, including a
 * province's own, are never overwritten. Lookups use a copy refreshed every few seconds.
 */
@Component
public class RuleCatalogue {

    static final String SHIPPED = "rules/statutory-rules.json";
    private static final Duration REFRESH = Duration.ofSeconds(10);

    private final MongoCollection<Document> rules;
    private final ObjectMapper mapper;
    private final Clock clock;
    private volatile List<DeadlineRule> active = List.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    /** The shipped file's shape. */
    record RuleFile(String description, List<DeadlineRule> rules) {
    }

    public RuleCatalogue(MongoDatabase database, ObjectMapper mapper, Clock clock) {
        this.rules = database.getCollection("rules");
        this.mapper = mapper;
        this.clock = clock;
        installShipped();
        reload();
    }

    private void installShipped() {
        try (InputStream in = new ClassPathResource(SHIPPED).getInputStream()) {
            for (DeadlineRule rule : mapper.readValue(in, RuleFile.class).rules()) {
                Document doc = Document.parse(mapper.writeValueAsString(rule))
                        .append("_id", rule.id() + "@" + rule.version()).append("origin", "STATUTORY_DEFAULT");
                MongoSupport.insertIfAbsent(rules, doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest version of every rule. */
    public List<DeadlineRule> active() {
        if (Duration.between(loadedAt, clock.instant()).compareTo(REFRESH) > 0) {
            reload();
        }
        return active;
    }

    public List<DeadlineRule> openedBy(String eventType, String agency) {
        return active().stream().filter(rule -> rule.opensFor(eventType, agency)).toList();
    }

    private synchronized void reload() {
        Map<String, DeadlineRule> newest = new LinkedHashMap<>();
        for (Document doc : rules.find()) {
            doc.remove("_id");
            doc.remove("origin");
            DeadlineRule rule = mapper.readValue(doc.toJson(), DeadlineRule.class);
            newest.merge(rule.id(), rule, (a, b) -> a.version() >= b.version() ? a : b);
        }
        List<DeadlineRule> sorted = new ArrayList<>(newest.values());
        sorted.sort(Comparator.comparing(DeadlineRule::id));
        active = List.copyOf(sorted);
        loadedAt = clock.instant();
    }
}
