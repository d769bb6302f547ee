package cn.wildlife.inspection.results;

import cn.wildlife.events.cases.CaseChanged;
import cn.wildlife.events.cases.CaseKind;
import cn.wildlife.events.cases.QuantityUnit;
import cn.wildlife.events.cases.SeizureKind;
import cn.wildlife.events.cases.SeizureSummary;
import cn.wildlife.inspection.InspectionServiceApplication;
import cn.wildlife.inspection.operation.Sortie;
import cn.wildlife.inspection.results.domain.Counted;
import com.mongodb.client.model.Projections;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;

/** Each kind of record's part in the running tallies, from its event or its stored document. */
final class RecordParts {

    private RecordParts() {}

    /** The day a moment counts on: the agencies' tables are kept in Beijing days. */
    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, InspectionServiceApplication.CHINA);
    }

    static @Nullable Counted ofCase(CaseChanged c) {
        return Counted.of(c.operationId(), day(c.openedAt()), Contributions.ofCase(c));
    }

    /** The fields of a stored case fact that count (what {@link #ofCaseFact} reads). */
    static final Bson CASE_FIELDS = Projections.include(
            "caseId",
            "region",
            "kind",
            "openedAt",
            "openedAtMillis",
            "fines",
            "value",
            "seizures",
            "operationId",
            "version");

    /**
     * A stored case fact's part, read from the document's fields: no round trip through the event's JSON form,
     * which a build from a million facts would pay a million times.
     */
    static @Nullable Counted ofCaseFact(Document d) {
        String operationId = d.getString("operationId");
        if (operationId == null) {
            return null;
        }
        List<SeizureSummary> seizures = d.getList("seizures", Document.class, List.of()).stream()
                .map(s -> new SeizureSummary(
                        s.getString("itemId"),
                        SeizureKind.valueOf(s.getString("kind")),
                        s.getString("speciesCode"),
                        decimal(s.get("quantity")),
                        QuantityUnit.valueOf(s.getString("unit")),
                        s.getString("disposition")))
                .toList();
        return Counted.of(
                operationId,
                day(Instant.parse(d.getString("openedAt"))),
                Contributions.ofCase(
                        d.getString("caseId"),
                        d.getString("region"),
                        CaseKind.valueOf(d.getString("kind")),
                        decimal(d.get("fines")),
                        decimal(d.get("value")),
                        seizures));
    }

    /** A number as stored from the event's JSON (an integer, a long or a double), exactly as it was written. */
    private static @Nullable BigDecimal decimal(@Nullable Object number) {
        if (number == null) {
            return null;
        }
        return number instanceof Decimal128 d ? d.bigDecimalValue() : new BigDecimal(number.toString());
    }

    static @Nullable Counted ofClue(@Nullable String operationId, String clueId, String region, Instant receivedAt) {
        return Counted.of(operationId, day(receivedAt), Contributions.ofClue(clueId, region));
    }

    static Counted ofSortie(
            String operationId,
            String sortieId,
            String region,
            LocalDate on,
            int personnel,
            int vehicles,
            List<Sortie.Places> places) {
        return Counted.of(operationId, on, Contributions.ofSortie(sortieId, region, personnel, vehicles, places));
    }

    /** Only a recorded inspection counts; one tagged with no operation counts in every operation over its region. */
    static @Nullable Counted ofInspection(
            String inspectionId,
            String region,
            String status,
            @Nullable Instant inspectedAt,
            @Nullable String operationId) {
        if (!"RECORDED".equals(status) || inspectedAt == null) {
            return null;
        }
        return Counted.of(
                operationId == null ? Counted.NO_OPERATION : operationId,
                day(inspectedAt),
                Contributions.ofInspection(inspectionId, region));
    }
}
