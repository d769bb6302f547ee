package cn.wildlife.inspection.facility;

import cn.wildlife.inspection.species.SpeciesCodes;
import cn.wildlife.support.csv.ImportLimitExceeded;
import cn.wildlife.support.csv.ImportLimits;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.web.FieldError;
import cn.wildlife.support.web.InvalidRequestException;
import cn.wildlife.support.web.Texts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * Facility list imports. The whole file is read and checked first: a file with any bad row imports nothing (unless
 * the caller asks to skip bad rows), so an agency never has to work out which half of its list went in. The good
 * rows are then registered one by one in the background, with progress kept in {@code facilityImports}. The file is
 * read as a stream within {@code platform.imports.*}; a file over a limit is refused whole, naming the limit.
 */
@Service
@EnableConfigurationProperties(ImportLimits.class)
public class FacilityImports {

    /** Progress is written every this many rows: often enough to watch, rarely enough not to slow the import. */
    private static final int PROGRESS_EVERY = 25;

    private final MongoCollection<Document> jobs;
    private final FacilityWork work;
    private final FacilityStore store;
    private final SpeciesCodes species;
    private final Clock clock;
    private final Texts texts;
    private final ImportLimits limits;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "facility-import");
        t.setDaemon(true);
        return t;
    });

    public FacilityImports(
            MongoDatabase database,
            FacilityWork work,
            FacilityStore store,
            SpeciesCodes species,
            Clock clock,
            Texts texts,
            ImportLimits limits) {
        this.jobs = database.getCollection("facilityImports");
        this.work = work;
        this.store = store;
        this.species = species;
        this.clock = clock;
        // A job that was running when the service stopped will not finish by itself; say so instead of "running".
        jobs.updateMany(Filters.eq("status", Status.RUNNING.name()), Updates.set("status", Status.INTERRUPTED.name()));
        this.texts = texts;
        this.limits = limits;
    }

    public enum Status {
        RUNNING,
        DONE,
        INTERRUPTED
    }

    /** An import as its caller watches it. */
    public record Job(
            String id,
            String region,
            String createdBy,
            Status status,
            int rows,
            int total,
            int processed,
            int imported,
            List<FieldError> skipped,
            List<FieldError> failed,
            List<String> facilityIds,
            Instant startedAt,
            @Nullable Instant finishedAt) {}

    public Job start(byte[] content, boolean skipInvalid, Caller caller) {
        List<List<String>> cells;
        try {
            cells = FacilitySheet.cells(content, limits);
        } catch (ImportLimitExceeded e) {
            throw e.problem(texts);
        }
        FacilitySheet.Result read =
                FacilitySheet.read(cells, species, caller.region(), work::check, store::licenceRegistered, texts);
        boolean headerBroken = read.errors().stream().anyMatch(e -> e.field().equals("row 1"));
        if (!read.errors().isEmpty() && (!skipInvalid || headerBroken)) {
            throw new InvalidRequestException(read.errors());
        }
        String id = "IMP-" + UUID.randomUUID();
        Instant at = clock.instant();
        Job job = new Job(
                id,
                caller.region().code(),
                caller.name(),
                Status.RUNNING,
                read.total(),
                read.rows().size(),
                0,
                0,
                read.errors(),
                List.of(),
                List.of(),
                at,
                null);
        jobs.insertOne(asDocument(job));
        Locale locale = LocaleContextHolder.getLocale();
        runner.submit(() -> run(id, read.rows(), caller, locale));
        return job;
    }

    private void run(String id, List<FacilitySheet.Parsed> rows, Caller caller, Locale locale) {
        LocaleContextHolder.setLocale(locale);
        List<FieldError> failed = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int processed = 0;
        for (FacilitySheet.Parsed row : rows) {
            Facility facility = work.register(row.registration(), caller, "导入（" + id + " 第" + row.row() + "行）");
            if (facility == null) {
                // Registered by someone else since the file was checked.
                failed.add(FacilitySheet.error(
                        row.row(),
                        FacilitySheet.LICENCE,
                        texts.get(locale, "licence.registered"),
                        row.registration().licenceNumber()));
            } else {
                ids.add(facility.id());
            }
            processed++;
            if (processed % PROGRESS_EVERY == 0) {
                jobs.updateOne(
                        Filters.eq("_id", id),
                        Updates.combine(Updates.set("processed", processed), Updates.set("imported", ids.size())));
            }
        }
        jobs.updateOne(
                Filters.eq("_id", id),
                Updates.combine(
                        Updates.set("processed", processed),
                        Updates.set("imported", ids.size()),
                        Updates.set("facilityIds", ids),
                        Updates.set(
                                "failed",
                                failed.stream().map(FacilityImports::error).toList()),
                        Updates.set("status", Status.DONE.name()),
                        Updates.set("finishedAt", Date.from(clock.instant()))));
    }

    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.find(Filters.eq("_id", id)).first()).map(FacilityImports::fromDocument);
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    private static Document asDocument(Job j) {
        return new Document("_id", j.id())
                .append("region", j.region())
                .append("createdBy", j.createdBy())
                .append("status", j.status().name())
                .append("rows", j.rows())
                .append("total", j.total())
                .append("processed", j.processed())
                .append("imported", j.imported())
                .append(
                        "skipped",
                        j.skipped().stream().map(FacilityImports::error).toList())
                .append(
                        "failed",
                        j.failed().stream().map(FacilityImports::error).toList())
                .append("facilityIds", j.facilityIds())
                .append("startedAt", Date.from(j.startedAt()))
                .append("finishedAt", j.finishedAt() == null ? null : Date.from(j.finishedAt()));
    }

    private static Document error(FieldError e) {
        return new Document("field", e.field())
                .append("message", e.message())
                .append(
                        "rejectedValue",
                        e.rejectedValue() == null ? null : e.rejectedValue().toString());
    }

    private static Job fromDocument(Document d) {
        return new Job(
                d.getString("_id"),
                d.getString("region"),
                d.getString("createdBy"),
                Status.valueOf(d.getString("status")),
                d.getInteger("rows"),
                d.getInteger("total"),
                d.getInteger("processed"),
                d.getInteger("imported"),
                errors(d, "skipped"),
                errors(d, "failed"),
                d.getList("facilityIds", String.class, List.of()),
                d.getDate("startedAt").toInstant(),
                d.getDate("finishedAt") == null ? null : d.getDate("finishedAt").toInstant());
    }

    private static List<FieldError> errors(Document d, String field) {
        return d.getList(field, Document.class, List.of()).stream()
                .map(e -> new FieldError(e.getString("field"), e.getString("message"), e.getString("rejectedValue")))
                .toList();
    }
}
