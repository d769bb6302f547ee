package cn.wildlife.notification.alert;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * How many clocks are open, approaching, overdue, escalated or paused, by rule and agency: the business gauges a supervisor
 * watches ({@code platform_deadlines} in Prometheus). Refreshed with every scan; met clocks are not counted.
 */
@Component
class DeadlineGauges {

    private static final List<String> RUNNING = List.of("OPEN", "APPROACHING", "OVERDUE", "ESCALATED", "PAUSED");

    private final MongoCollection<Document> deadlines;
    private final MultiGauge gauge;

    DeadlineGauges(MongoDatabase database, MeterRegistry meters) {
        this.deadlines = database.getCollection("deadlines");
        this.gauge = MultiGauge.builder("platform.deadlines")
                .description("running deadlines by state, rule and agency")
                .register(meters);
    }

    void refresh() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        deadlines
                .aggregate(List.of(
                        Aggregates.match(Filters.in("state", RUNNING)),
                        Aggregates.group(
                                new Document("state", "$state")
                                        .append("rule", "$ruleId")
                                        .append("agency", "$agency"),
                                Accumulators.sum("count", 1))))
                .forEach(group -> {
                    Document key = group.get("_id", Document.class);
                    rows.add(MultiGauge.Row.of(
                            Tags.of(
                                    "state",
                                    key.getString("state"),
                                    "rule",
                                    key.getString("rule"),
                                    "agency",
                                    key.getString("agency")),
                            ((Number) group.get("count")).doubleValue()));
                });
        gauge.register(rows, true);
    }
}
