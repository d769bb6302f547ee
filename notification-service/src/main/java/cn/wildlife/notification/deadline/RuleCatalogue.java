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
import java.util.Optional;
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
    record RuleFile(String description, List<DeadlineRule> rules) {}

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
                        .append("_id", rule.scopeKey() + "#" + rule.version())
                        .append("origin", "STATUTORY_DEFAULT");
                MongoSupport.insertIfAbsent(rules, doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest version of every rule, national and regional. */
    public List<DeadlineRule> active() {
        if (Duration.between(loadedAt, clock.instant()).compareTo(REFRESH) > 0) {
            reload();
        }
        return active;
    }

    /** Of a rule's national and regional versions, the one that applies in a region (the most specific). */
    public Optional<DeadlineRule> applicable(String ruleId, String region) {
        return active().stream()
                .filter(rule -> rule.id().equals(ruleId))
                .filter(rule -> rule.specificityFor(region) >= 0)
                .max(Comparator.comparingInt(rule -> rule.specificityFor(region)));
    }

    /**
     * A rule at the version a deadline was opened with, read from the store (older versions are not kept in memory):
     * of the versions with that number, the one that applies most closely in the deadline's region.
     */
    public Optional<DeadlineRule> version(String ruleId, int version, String region) {
        List<DeadlineRule> candidates = new ArrayList<>();
        for (Document doc : rules.find(com.mongodb.client.model.Filters.and(
                com.mongodb.client.model.Filters.eq("id", ruleId),
                com.mongodb.client.model.Filters.eq("version", version)))) {
            for (String bookkeeping : List.of("_id", "origin", "addedBy", "addedAt")) {
                doc.remove(bookkeeping);
            }
            candidates.add(mapper.readValue(doc.toJson(), DeadlineRule.class));
        }
        return candidates.stream()
                .filter(rule -> rule.specificityFor(region) >= 0)
                .max(Comparator.comparingInt(rule -> rule.specificityFor(region)));
    }

    /**
     * Adds a new version of a rule (national, or a region's own when it names regions): the next version in its own
     * line; deadlines already open keep the version they were opened with.
     */
    public synchronized DeadlineRule add(DeadlineRule proposed, String by) {
        int version = active().stream()
                        .filter(rule -> rule.scopeKey().equals(proposed.scopeKey()))
                        .mapToInt(DeadlineRule::version)
                        .max()
                        .orElse(0)
                + 1;
        DeadlineRule rule = new DeadlineRule(
                proposed.id(),
                version,
                proposed.title(),
                proposed.legalBasis(),
                proposed.statutory(),
                proposed.kind(),
                proposed.subjectType(),
                proposed.opensOn(),
                proposed.agencies(),
                proposed.closesOn(),
                proposed.pausesOn(),
                proposed.resumesOn(),
                proposed.amount(),
                proposed.unit(),
                proposed.extensions(),
                proposed.warnBefore(),
                proposed.responsible(),
                proposed.escalation(),
                proposed.escalateAfter(),
                proposed.regions(),
                proposed.watchers());
        rules.insertOne(Document.parse(mapper.writeValueAsString(rule))
                .append("_id", rule.scopeKey() + "#" + version)
                .append("origin", "ADDED")
                .append("addedBy", by)
                .append("addedAt", java.util.Date.from(clock.instant())));
        reload();
        return rule;
    }

    private synchronized void reload() {
        Map<String, DeadlineRule> newest = new LinkedHashMap<>();
        for (Document doc : rules.find()) {
            for (String bookkeeping : List.of("_id", "origin", "addedBy", "addedAt")) {
                doc.remove(bookkeeping);
            }
            DeadlineRule rule = mapper.readValue(doc.toJson(), DeadlineRule.class);
            newest.merge(rule.scopeKey(), rule, (a, b) -> a.version() >= b.version() ? a : b);
        }
        List<DeadlineRule> sorted = new ArrayList<>(newest.values());
        sorted.sort(Comparator.comparing(DeadlineRule::scopeKey));
        active = List.copyOf(sorted);
        loadedAt = clock.instant();
    }
}
