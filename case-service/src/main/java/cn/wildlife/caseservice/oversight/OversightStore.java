package cn.wildlife.caseservice.oversight;

import cn.wildlife.caseservice.oversight.domain.ReviewedStates;
import cn.wildlife.caseservice.transfer.domain.TransferState;
import cn.wildlife.events.Agency;
import cn.wildlife.support.mongo.Regions;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The counts behind the oversight views, grouped by MongoDB over the {@code transfers} and {@code cases} collections
 * (one group per stored region and state or agency; the roll-up to child regions is done on those few groups), and
 * the few records the views list by name. Its indexes start with what every query here matches on.
 */
@Component
class OversightStore {

    static final String PENALTY_INSTEAD_OF_PROSECUTION = "PENALTY_INSTEAD_OF_PROSECUTION";

    private final MongoCollection<Document> transfers;
    private final MongoCollection<Document> cases;

    OversightStore(MongoDatabase database) {
        this.transfers = database.getCollection("transfers");
        this.cases = database.getCollection("cases");
        transfers.createIndex(Indexes.ascending("state", "sendingRegion", "sendingAgency"));
        transfers.createIndex(Indexes.ascending("state", "receivingRegion"));
        cases.createIndex(Indexes.ascending("flags", "region", "agency"));
    }

    /** Open transfers of one stored region in one state. */
    record StateGroup(String region, String state, long count) {}

    /** Flagged cases of one stored region and agency. */
    record AgencyGroup(String region, String agency, long count) {}

    /** A transfer the views name: a non-filing under reconsideration or supervision. */
    record ReviewedTransfer(
            String id,
            String caseNumber,
            String state,
            String sendingAgency,
            String sendingRegion,
            String receivingRegion,
            Instant updatedAt) {}

    /** A case the views name: flagged 以罚代刑. */
    record FlaggedCase(
            String id,
            String number,
            String title,
            String agency,
            String region,
            String status,
            @Nullable BigDecimal value,
            @Nullable Instant penaltyDecidedAt) {}

    /**
     * Which transfers a scope covers. Public security's head follows the transfers its region receives; any other
     * agency's those it sent; the oversight agencies (no agency) those sent in the region.
     */
    private static String regionField(@Nullable Agency agency) {
        return agency == Agency.PUBLIC_SECURITY ? "receivingRegion" : "sendingRegion";
    }

    private static Bson transferScope(@Nullable Agency agency, String prefix, Set<TransferState> states) {
        List<Bson> filters = new ArrayList<>(List.of(
                Filters.in("state", states.stream().map(Enum::name).toList()),
                Regions.within(regionField(agency), prefix)));
        if (agency != null && agency != Agency.PUBLIC_SECURITY) {
            filters.add(Filters.eq("sendingAgency", agency.name()));
        }
        return Filters.and(filters);
    }

    List<StateGroup> openTransfers(@Nullable Agency agency, String prefix) {
        String field = regionField(agency);
        List<StateGroup> groups = new ArrayList<>();
        transfers
                .aggregate(List.of(
                        Aggregates.match(transferScope(agency, prefix, ReviewedStates.OPEN)),
                        Aggregates.group(
                                new Document("region", "$" + field).append("state", "$state"),
                                Accumulators.sum("count", 1))))
                .forEach(group -> {
                    Document key = group.get("_id", Document.class);
                    groups.add(new StateGroup(
                            key.getString("region"),
                            key.getString("state"),
                            ((Number) group.get("count")).longValue()));
                });
        return groups;
    }

    /** The non-filings under review, most recently moved first, at most {@code limit}. */
    List<ReviewedTransfer> underReview(@Nullable Agency agency, String prefix, int limit) {
        return transfers
                .find(transferScope(agency, prefix, ReviewedStates.underReview()))
                .projection(Projections.include(
                        "caseNumber", "state", "sendingAgency", "sendingRegion", "receivingRegion", "updatedAt"))
                .sort(Sorts.orderBy(Sorts.descending("updatedAt"), Sorts.ascending("_id")))
                .limit(limit)
                .map(d -> new ReviewedTransfer(
                        d.getString("_id"),
                        d.getString("caseNumber"),
                        d.getString("state"),
                        d.getString("sendingAgency"),
                        d.getString("sendingRegion"),
                        d.getString("receivingRegion"),
                        d.getDate("updatedAt").toInstant()))
                .into(new ArrayList<>());
    }

    private static Bson flagScope(@Nullable Agency agency, String prefix) {
        List<Bson> filters = new ArrayList<>(
                List.of(Filters.eq("flags", PENALTY_INSTEAD_OF_PROSECUTION), Regions.within("region", prefix)));
        if (agency != null) {
            filters.add(Filters.eq("agency", agency.name()));
        }
        return Filters.and(filters);
    }

    List<AgencyGroup> flaggedCases(@Nullable Agency agency, String prefix) {
        List<AgencyGroup> groups = new ArrayList<>();
        cases.aggregate(List.of(
                        Aggregates.match(flagScope(agency, prefix)),
                        Aggregates.group(
                                new Document("region", "$region").append("agency", "$agency"),
                                Accumulators.sum("count", 1))))
                .forEach(group -> {
                    Document key = group.get("_id", Document.class);
                    groups.add(new AgencyGroup(
                            key.getString("region"),
                            key.getString("agency"),
                            ((Number) group.get("count")).longValue()));
                });
        return groups;
    }

    /** The flagged cases, newest opened first, at most {@code limit}: no parties, no identifiers. */
    List<FlaggedCase> flaggedList(@Nullable Agency agency, String prefix, int limit) {
        return cases.find(flagScope(agency, prefix))
                .projection(Projections.include(
                        "number", "title", "agency", "region", "status", "value", "penalty.decidedAt"))
                .sort(Sorts.orderBy(Sorts.descending("openedAt"), Sorts.ascending("_id")))
                .limit(limit)
                .map(d -> {
                    Document penalty = d.get("penalty", Document.class);
                    Date decidedAt = penalty == null ? null : penalty.getDate("decidedAt");
                    Object value = d.get("value");
                    return new FlaggedCase(
                            d.getString("_id"),
                            d.getString("number"),
                            d.getString("title"),
                            d.getString("agency"),
                            d.getString("region"),
                            d.getString("status"),
                            value instanceof Decimal128 decimal ? decimal.bigDecimalValue() : null,
                            decidedAt == null ? null : decidedAt.toInstant());
                })
                .into(new ArrayList<>());
    }
}
