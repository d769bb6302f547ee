package cn.wildlife.caseservice.clue;

import cn.wildlife.caseservice.CaseServiceApplication;
import cn.wildlife.caseservice.clue.domain.Clue;
import cn.wildlife.caseservice.intake.IntakeKeys;
import cn.wildlife.caseservice.link.Linking;
import cn.wildlife.events.Agency;
import cn.wildlife.events.ClueSource;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.InvalidEventException;
import cn.wildlife.events.Place;
import cn.wildlife.events.Topics;
import cn.wildlife.events.clue.ClueRecorded;
import cn.wildlife.events.clue.ClueReported;
import cn.wildlife.events.inspection.CrimeSuspected;
import cn.wildlife.events.seal.PersonalDetails;
import cn.wildlife.support.outbox.Outbox;
import cn.wildlife.support.outbox.OutboxRelay;
import cn.wildlife.support.web.ConflictException;
import cn.wildlife.support.web.Texts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Records clues arriving by either door (an agency's event or REST) and announces each on {@code platform.clues}
 * in the same write. A clue reported twice is recorded once.
 */
@Service
public class ClueRecording {

    private static final Logger log = LoggerFactory.getLogger(ClueRecording.class);

    private final ClueStore store;
    private final Linking linking;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Texts texts;
    private final IntakeKeys intakeKeys;

    public ClueRecording(
            ClueStore store,
            Linking linking,
            Outbox outbox,
            OutboxRelay relay,
            Clock clock,
            Texts texts,
            IntakeKeys intakeKeys) {
        this.store = store;
        this.linking = linking;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
        this.texts = texts;
        this.intakeKeys = intakeKeys;
    }

    /** What happened to an incoming report. */
    public enum Outcome {
        RECORDED,
        ALREADY_RECORDED
    }

    /**
     * Applies an agency's event. Clue ids start with the agency's code, so no agency can take another's ids; an id
     * already recorded is the same clue reported again and changes nothing.
     */
    public Outcome apply(Envelope<ClueReported> event) {
        ClueReported report = event.data();
        Agency agency = event.agency();
        if (agency == null) {
            throw new InvalidEventException("a clue report needs the agency extension");
        }
        if (!report.clueId().startsWith(agency.name() + "-")) {
            throw new InvalidEventException("clue id " + report.clueId() + " must start with the reporting agency's "
                    + "code: " + agency.name() + "-");
        }
        if (!report.region().equals(event.region()) && event.region() != null) {
            throw new InvalidEventException(
                    "the region extension " + event.region() + " differs from the clue's region " + report.region());
        }
        PersonalDetails details = intakeKeys.personalDetails(report);
        for (int i = 0; i < details.identifiers().size(); i++) {
            if (!cn.wildlife.caseservice.link.Identifiers.valid(
                    details.identifiers().get(i))) {
                // The value itself stays out of the reason: the dead-letter header is read by operators.
                throw new InvalidEventException("identifiers[" + i + "] is not a valid "
                        + details.identifiers().get(i).type());
            }
        }
        Clue clue = Clue.builder()
                .id(report.clueId())
                .agency(agency)
                .region(report.region())
                .source(report.source())
                .receivedAt(report.receivedAt())
                .recordedAt(clock.instant())
                .place(report.place())
                .speciesCodes(report.speciesCodes())
                .behaviours(report.behaviours())
                .summary(report.summary())
                .channel(ClueRecorded.Channel.EVENT)
                .identifiers(details.identifiers())
                .people(details.people())
                .evidence(report.evidence())
                .operationId(report.operationId())
                .build();
        if (record(
                clue,
                event.id(),
                event.correlationId() != null ? event.correlationId() : event.id(),
                event.traceparent())) {
            return Outcome.RECORDED;
        }
        log.debug("Clue {} already recorded; event {} changes nothing", clue.id(), event.id());
        return Outcome.ALREADY_RECORDED;
    }

    /**
     * An inspection finding that suggests a crime becomes a clue received by the agency the event names (public
     * security) in the facility's region: that agency's own clue, on its own handling clock, received when the
     * finding was announced. Its id is derived from the finding, so a redelivered event records nothing new.
     */
    public Outcome fromInspection(Envelope<CrimeSuspected> event) {
        CrimeSuspected finding = event.data();
        Agency to = finding.handTo();
        if (!to.publishesOwnTopics()) {
            // Only agencies that handle clues can receive one; the procuratorate and the supervision office oversee.
            throw new InvalidEventException(
                    to + " does not handle clues; a crime-suspected finding goes to an agency " + "that does");
        }
        String id = ownId(to, "INSP", finding.findingId());
        Instant received = event.time().toInstant();
        Clue clue = Clue.builder()
                .id(id)
                .agency(to)
                .region(finding.region())
                .source(ClueSource.INSPECTION)
                .receivedAt(received)
                .recordedAt(clock.instant())
                // The ids name the facility and the inspection; their details stay in inspection-service's records.
                .place(new Place(
                        "人工繁育机构 " + finding.facilityId() + "（监督检查 " + finding.inspectionId() + "）", null, null))
                .speciesCodes(finding.speciesCodes())
                .summary(finding.summary())
                .channel(ClueRecorded.Channel.INSPECTION)
                .operationId(finding.operationId())
                .fromInspection(new ClueRecorded.FromInspection(
                        finding.findingId(), finding.inspectionId(), finding.facilityId()))
                .build();
        if (record(
                clue,
                event.id(),
                event.correlationId() != null ? event.correlationId() : event.id(),
                event.traceparent())) {
            return Outcome.RECORDED;
        }
        return Outcome.ALREADY_RECORDED;
    }

    /**
     * The id of an agency's own clue made from another record: the agency's code before the record's id, or, when
     * that is too long for an id, before a marker and a hash of it. The same record always gives the same id.
     */
    static String ownId(Agency to, String marker, String recordId) {
        String id = to.name() + "-" + recordId;
        return id.length() <= 80
                ? id
                : to.name() + "-" + marker + "-"
                        + java.util.HexFormat.of().formatHex(sha256(recordId)).substring(0, 24);
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records a clue entered through REST; an id in use answers 409. */
    public Clue create(Clue clue) {
        if (!record(clue, null, null, null)) {
            throw new ConflictException(
                    "clue-exists", texts.get("clue.exists", clue.id()), Map.of("clueId", clue.id()));
        }
        return clue;
    }

    /** Records a clue unless it is there already (a repeated referral acceptance changes nothing). */
    void recordOnce(Clue clue) {
        record(clue, null, null, null);
    }

    private boolean record(
            Clue clue, @Nullable String eventId, @Nullable String correlationId, @Nullable String traceparent) {
        Envelope<ClueRecorded> recorded = Envelope.of(
                        CaseServiceApplication.EVENT_SOURCE, clue.agency(), clue.region(), clue.recorded())
                .withCorrelation(correlationId, traceparent);
        boolean inserted = store.insert(clue, List.of(outbox.entry(Topics.PLATFORM_CLUES, recorded)), outbox, eventId);
        if (inserted) {
            relay.wake();
        }
        // Also when it was recorded before: a redelivered report finishes linking an earlier attempt left undone.
        linking.register(new Linking.RecordRef("CLUE", clue.id(), clue.agency(), clue.region()), clue.identifiers());
        return inserted;
    }

    Instant now() {
        return clock.instant();
    }
}
