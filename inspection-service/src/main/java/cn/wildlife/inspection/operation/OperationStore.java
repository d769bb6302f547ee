package cn.wildlife.inspection.operation;

import cn.wildlife.inspection.RecordDocuments;
import cn.wildlife.support.mongo.MongoSupport;
import cn.wildlife.support.mongo.Regions;
import cn.wildlife.support.outbox.Outbox;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Operations ({@code operations}), their sorties ({@code sorties}) and report submissions ({@code reports}). Each
 * record is written once, with its event in the same document; a report is submitted once per region and period.
 */
@Component
public class OperationStore {

    private final MongoCollection<Document> operations;
    private final MongoCollection<Document> sorties;
    private final MongoCollection<Document> reports;
    private final RecordDocuments documents;

    public OperationStore(MongoDatabase database, RecordDocuments documents) {
        this.operations = database.getCollection("operations");
        this.sorties = database.getCollection("sorties");
        this.reports = database.getCollection("reports");
        this.documents = documents;
        sorties.createIndex(Indexes.compoundIndex(Indexes.ascending("operationId"), Indexes.ascending("on")));
        reports.createIndex(Indexes.ascending("operationId"));
    }

    List<MongoCollection<Document>> collections() {
        return List.of(operations, sorties, reports);
    }

    public void insert(Operation operation, List<Document> events, Outbox outbox) {
        Document doc = documents.toDocument(operation, operation.id());
        doc.putAll(outbox.newDocumentFields(events));
        operations.insertOne(doc);
    }

    public Optional<Operation> find(String id) {
        return Optional.ofNullable(operations.find(Filters.eq("_id", id)).first())
                .map(d -> documents.fromDocument(d, Operation.class));
    }

    public List<Operation> list(String regionPrefix) {
        return operations
                .find(Regions.within("region", regionPrefix))
                .sort(Sorts.descending("startsOn"))
                .limit(200)
                .map(d -> documents.fromDocument(d, Operation.class))
                .into(new ArrayList<>());
    }

    public void insert(Sortie sortie, List<Document> events, Outbox outbox) {
        Document doc = documents.toDocument(sortie, sortie.id());
        doc.putAll(outbox.newDocumentFields(events));
        sorties.insertOne(doc);
    }

    /** Sorties of an operation in a region subtree, on days from {@code from} to {@code to} inclusive. */
    public List<Sortie> sorties(String operationId, String regionPrefix, LocalDate from, LocalDate to) {
        return sorties.find(Filters.and(
                        Filters.eq("operationId", operationId),
                        Regions.within("region", regionPrefix),
                        Filters.gte("on", from.toString()),
                        Filters.lte("on", to.toString())))
                .sort(Sorts.orderBy(Sorts.ascending("on"), Sorts.ascending("_id")))
                .map(d -> documents.fromDocument(d, Sortie.class))
                .into(new ArrayList<>());
    }

    /** False when the region already submitted that period's report. */
    public boolean insert(ReportSubmission report, List<Document> events, Outbox outbox) {
        Document doc = documents.toDocument(report, report.id());
        doc.putAll(outbox.newDocumentFields(events));
        return MongoSupport.insertIfAbsent(reports, doc);
    }

    public List<ReportSubmission> reports(String operationId) {
        return reports.find(Filters.eq("operationId", operationId))
                .sort(Sorts.ascending("_id"))
                .map(d -> documents.fromDocument(d, ReportSubmission.class))
                .into(new ArrayList<>());
    }
}
