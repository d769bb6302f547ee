package cn.wildlife.notification.delivery.digest;

import cn.wildlife.notification.delivery.DeliveryProperties;
import cn.wildlife.notification.delivery.DeliveryStore;
import cn.wildlife.notification.delivery.DeliveryWorker;
import cn.wildlife.notification.delivery.DigestAudience;
import cn.wildlife.notification.delivery.Labels;
import cn.wildlife.notification.delivery.Outgoing;
import cn.wildlife.notification.delivery.domain.DailyDigest;
import cn.wildlife.support.mongo.MongoSupport;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The daily digest per agency: from the configured time (Asia/Shanghai) each instance checks, and the first to write
 * {@code digests/<agency>:<date>} compiles that agency's digest for each target and queues one delivery each; the
 * others find the day taken. An instance that dies while compiling leaves a lease that runs out, and another takes
 * the day over; the deliveries' own keys (digest id and target) keep anything already queued from going twice. A day
 * missed while every instance was down is sent when the first one comes back, the same day.
 */
@Component
class DailyDigests implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DailyDigests.class);

    private final List<DigestAudience> audiences;
    private final DigestCompiler compiler;
    private final DeliveryStore deliveries;
    private final DeliveryWorker worker;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final MongoCollection<Document> days;
    private final String instance = "digests-" + UUID.randomUUID();

    DailyDigests(
            List<DigestAudience> audiences,
            DigestCompiler compiler,
            DeliveryStore deliveries,
            DeliveryWorker worker,
            DeliveryProperties properties,
            Clock clock,
            MongoDatabase database) {
        this.audiences = audiences;
        this.compiler = compiler;
        this.deliveries = deliveries;
        this.worker = worker;
        this.properties = properties;
        this.clock = clock;
        this.days = database.getCollection("digests");
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.digest().enabled()) {
            Duration interval = properties.digest().checkInterval();
            registrar.addFixedDelayTask(new FixedDelayTask(this::check, interval, Duration.ofSeconds(5)));
        }
    }

    void check() {
        try {
            int queued = sendDue(clock.instant());
            if (queued > 0) {
                log.info("Queued {} daily digest deliveries", queued);
            }
        } catch (RuntimeException e) {
            // The store may be away; the next check finds the day still unclaimed, or its lease run out.
            log.warn("Daily digest check failed, retrying at the next check: {}", e.getMessage());
        }
    }

    /** Compiles and queues every digest due at {@code now} that no instance took yet; returns deliveries queued. */
    int sendDue(Instant now) {
        ZonedDateTime local = now.atZone(Labels.SHANGHAI);
        if (local.toLocalTime().isBefore(properties.digest().localTime())) {
            return 0;
        }
        LocalDate today = local.toLocalDate();
        Map<String, Map<DigestAudience.DigestTarget, DigestAudience>> byAgency = new LinkedHashMap<>();
        for (DigestAudience audience : audiences) {
            for (DigestAudience.DigestTarget target : audience.digestTargets()) {
                byAgency.computeIfAbsent(target.agency(), a -> new LinkedHashMap<>())
                        .put(target, audience);
            }
        }
        int queued = 0;
        for (Map.Entry<String, Map<DigestAudience.DigestTarget, DigestAudience>> agency : byAgency.entrySet()) {
            if (!claim(agency.getKey(), today, now)) {
                continue;
            }
            int mine = 0;
            for (Map.Entry<DigestAudience.DigestTarget, DigestAudience> target :
                    agency.getValue().entrySet()) {
                mine += queue(target.getKey(), target.getValue(), today, now) ? 1 : 0;
            }
            days.updateOne(
                    Filters.and(Filters.eq("_id", dayId(agency.getKey(), today)), Filters.eq("claimedBy", instance)),
                    Updates.combine(
                            Updates.set("state", "QUEUED"),
                            Updates.set("queuedAt", java.util.Date.from(clock.instant())),
                            Updates.set("deliveries", mine),
                            Updates.unset("leaseUntil")));
            queued += mine;
        }
        if (queued > 0) {
            worker.wake();
        }
        return queued;
    }

    private boolean queue(DigestAudience.DigestTarget target, DigestAudience audience, LocalDate today, Instant now) {
        DailyDigest digest = compiler.compile(target.agency(), target.region(), today);
        Optional<Map<String, String>> content = audience.render(target, digest);
        if (content.isEmpty()) {
            return false;
        }
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("digestDate", today.toString());
        about.put("region", target.region());
        about.put("overdue", digest.overdueTotal());
        about.put("approaching", digest.approachingTotal());
        about.put("open", digest.openTotal());
        return deliveries.enqueue(
                digest.digestId(),
                DailyDigest.EVENT_TYPE,
                new Outgoing(target.targetId(), target.channel(), target.agency(), content.get()),
                about,
                now);
    }

    /** The day's digest of an agency for this instance: a new day, or one whose compiler's lease ran out. */
    private boolean claim(String agency, LocalDate day, Instant now) {
        java.util.Date leaseUntil =
                java.util.Date.from(now.plus(properties.worker().lease()));
        String id = dayId(agency, day);
        if (MongoSupport.insertIfAbsent(
                days,
                new Document("_id", id)
                        .append("agency", agency)
                        .append("date", day.toString())
                        .append("state", "COMPILING")
                        .append("claimedBy", instance)
                        .append("claimedAt", java.util.Date.from(now))
                        .append("leaseUntil", leaseUntil))) {
            return true;
        }
        return days.updateOne(
                                Filters.and(
                                        Filters.eq("_id", id),
                                        Filters.eq("state", "COMPILING"),
                                        Filters.lte("leaseUntil", java.util.Date.from(now))),
                                Updates.combine(
                                        Updates.set("claimedBy", instance), Updates.set("leaseUntil", leaseUntil)))
                        .getModifiedCount()
                == 1;
    }

    private static String dayId(String agency, LocalDate day) {
        return agency + ":" + day;
    }
}
