package cn.wildlife.caseservice.personaldata;

import cn.wildlife.audit.AuditAction;
import cn.wildlife.audit.AuditEntry;
import cn.wildlife.audit.AuditTrail;
import cn.wildlife.caseservice.cases.CaseStore;
import cn.wildlife.caseservice.cases.domain.Case;
import cn.wildlife.caseservice.clue.ClueReporters;
import cn.wildlife.caseservice.clue.ClueStore;
import cn.wildlife.caseservice.clue.domain.Clue;
import cn.wildlife.caseservice.link.Identifiers;
import cn.wildlife.caseservice.link.Linking;
import cn.wildlife.caseservice.personaldata.PersonalDataExport.ExportedRecord;
import cn.wildlife.caseservice.personaldata.domain.ExportPolicy;
import cn.wildlife.caseservice.personaldata.domain.LawfulBasis;
import cn.wildlife.caseservice.personaldata.domain.PersonRole;
import cn.wildlife.events.link.Identifier;
import cn.wildlife.events.link.IdentifierType;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Finds one person's data for a lawful request, and audits the export before anything is answered.
 *
 * <p>Only blind indexes say where the person is: the suspects' link index (which also holds cases' parties' ID
 * numbers and phones) and the reporters' own index. Only the records they name, of the caller's agency in the
 * caller's region, are read and opened; a record whose opened values no longer name the person (a party corrected
 * since) is left out. Nothing is decrypted in bulk, no plain value is searched.
 */
@Service
public class PersonalDataExports {

    static final String GRANT = "LAWFUL_REQUEST";

    private final Linking linking;
    private final ClueStore clues;
    private final ClueReporters reporters;
    private final CaseStore cases;
    private final AuditTrail audit;
    private final Clock clock;

    public PersonalDataExports(
            Linking linking, ClueStore clues, ClueReporters reporters, CaseStore cases, AuditTrail audit, Clock clock) {
        this.linking = linking;
        this.clues = clues;
        this.reporters = reporters;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    /** The caller having been allowed ({@link ExportPolicy#refusal}), the export, already audited. */
    public PersonalDataExport export(Caller caller, Identifier person, LawfulBasis basis, AuditEntry.Origin origin) {
        ExportPolicy policy = new ExportPolicy(caller.agency(), caller.region());
        String sought = Identifiers.normalised(person);
        List<ExportedRecord> records = new ArrayList<>();
        for (String clueId : reporters.clueIdsReportedBy(person)) {
            clues.find(clueId)
                    .filter(clue -> policy.covers(clue.agency(), clue.region()))
                    .ifPresent(clue -> reporters
                            .find(clueId)
                            .filter(reporter -> names(reporter, person.type(), sought))
                            .ifPresent(reporter -> records.add(reporterRecord(clue, reporter))));
        }
        for (Linking.RecordRef ref : linking.recordsNaming(person)) {
            if (!policy.covers(ref.agency(), ref.region())) {
                continue;
            }
            switch (ref.kind()) {
                case "CLUE" ->
                    clues.find(ref.id())
                            .filter(clue -> policy.covers(clue.agency(), clue.region()))
                            .ifPresent(clue -> records.addAll(suspectRecords(clue, person.type(), sought)));
                case "CASE" ->
                    cases.find(ref.id())
                            .filter(c -> policy.covers(c.agency(), c.region()))
                            .ifPresent(c -> records.addAll(caseRecords(c, person.type(), sought)));
                default -> {
                    // No other kind is indexed.
                }
            }
        }
        records.sort(Comparator.comparing(ExportedRecord::kind)
                .thenComparing(ExportedRecord::recordId)
                .thenComparing(ExportedRecord::role));
        Instant now = clock.instant();
        String exportId = "PDX-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        audit(caller, exportId, basis, records, origin, now);
        return new PersonalDataExport(
                exportId,
                "个人信息导出",
                now,
                caller.subject(),
                caller.name(),
                caller.agency().name(),
                caller.agency().label(),
                caller.region().code(),
                basis.requestReference(),
                basis.legalBasis(),
                person.type().name(),
                records.size(),
                records);
    }

    /**
     * First the export (who, which request, how many records), then each record it holds: never the identifier,
     * never a personal value. An entry that cannot be written fails the request, so no data leaves unaudited.
     */
    private void audit(
            Caller caller,
            String exportId,
            LawfulBasis basis,
            List<ExportedRecord> records,
            AuditEntry.Origin origin,
            Instant at) {
        AuditEntry.Actor actor = new AuditEntry.Actor(
                caller.subject(),
                caller.name(),
                caller.agency().name(),
                caller.region().code(),
                caller.roles().stream().map(Role::name).toList());
        String owner = caller.agency().name();
        audit.append(new AuditEntry(
                at,
                actor,
                AuditAction.PERSONAL_EXPORT,
                new AuditEntry.Target(
                        "personal-data-export",
                        exportId,
                        owner,
                        GRANT,
                        "request=" + basis.requestReference() + "; records=" + records.size()),
                origin));
        for (ExportedRecord record : records) {
            audit.append(new AuditEntry(
                    at,
                    actor,
                    AuditAction.PERSONAL_EXPORT,
                    new AuditEntry.Target(
                            auditKind(record.kind()),
                            record.recordId(),
                            owner,
                            GRANT,
                            "export=" + exportId + "; request=" + basis.requestReference() + "; role=" + record.role()),
                    origin));
        }
    }

    private static String auditKind(String kind) {
        return switch (kind) {
            case "CLUE_REPORTER" -> "clue-reporter";
            case "CLUE" -> "clue";
            default -> "case";
        };
    }

    private static boolean names(ClueReporters.Reporter reporter, IdentifierType type, String sought) {
        return matches(type, type == IdentifierType.PHONE ? reporter.phone() : reporter.idNumber(), sought);
    }

    private static boolean matches(IdentifierType type, @Nullable String stored, String sought) {
        return stored != null
                && Identifiers.normalised(new Identifier(type, stored)).equals(sought);
    }

    private static ExportedRecord reporterRecord(Clue clue, ClueReporters.Reporter reporter) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("anonymous", reporter.anonymous());
        putIfPresent(data, "name", reporter.name());
        putIfPresent(data, "phone", reporter.phone());
        putIfPresent(data, "idNumber", reporter.idNumber());
        putIfPresent(data, "contact", reporter.contact());
        data.put("rewardRequested", reporter.rewardRequested());
        Map<String, Instant> dates = new LinkedHashMap<>();
        dates.put("clueReceivedAt", clue.receivedAt());
        dates.put("reporterRecordedAt", reporter.recordedAt());
        return new ExportedRecord(
                "CLUE_REPORTER",
                "线索举报人信息",
                clue.id(),
                PersonRole.REPORTER.name(),
                PersonRole.REPORTER.label(),
                clue.agency().name(),
                clue.region(),
                dates,
                data);
    }

    private static List<ExportedRecord> suspectRecords(Clue clue, IdentifierType type, String sought) {
        Map<String, Instant> dates = new LinkedHashMap<>();
        dates.put("receivedAt", clue.receivedAt());
        dates.put("recordedAt", clue.recordedAt());
        return clue.identifiers().stream()
                .filter(i -> i.type() == type && matches(type, i.value(), sought))
                .findFirst()
                .map(i -> List.of(new ExportedRecord(
                        "CLUE",
                        "线索",
                        clue.id(),
                        PersonRole.SUSPECT.name(),
                        PersonRole.SUSPECT.label(),
                        clue.agency().name(),
                        clue.region(),
                        dates,
                        identifierData(i))))
                .orElse(List.of());
    }

    private static List<ExportedRecord> caseRecords(Case c, IdentifierType type, String sought) {
        Map<String, Instant> dates = Map.of("openedAt", c.openedAt());
        List<ExportedRecord> found = new ArrayList<>();
        for (Case.Party party : c.parties()) {
            String stored = type == IdentifierType.PHONE ? party.phone() : party.idNumber();
            if (matches(type, stored, sought)) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("partyKind", party.kind().name());
                putIfPresent(data, "name", party.name());
                putIfPresent(data, "idNumber", party.idNumber());
                putIfPresent(data, "phone", party.phone());
                putIfPresent(data, "address", party.address());
                found.add(caseRecord(c, PersonRole.PARTY, dates, data));
            }
        }
        Optional<Identifier> named = c.identifiers().stream()
                .filter(i -> i.type() == type && matches(type, i.value(), sought))
                .findFirst();
        named.ifPresent(i -> found.add(caseRecord(c, PersonRole.SUSPECT, dates, identifierData(i))));
        return found;
    }

    private static ExportedRecord caseRecord(
            Case c, PersonRole role, Map<String, Instant> dates, Map<String, Object> data) {
        return new ExportedRecord(
                "CASE",
                "案件 " + c.number(),
                c.id(),
                role.name(),
                role.label(),
                c.agency().name(),
                c.region(),
                dates,
                data);
    }

    private static Map<String, Object> identifierData(Identifier identifier) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("identifierType", identifier.type().name());
        data.put("identifierValue", identifier.value());
        return data;
    }

    private static void putIfPresent(Map<String, Object> data, String field, @Nullable String value) {
        if (value != null) {
            data.put(field, value);
        }
    }
}
