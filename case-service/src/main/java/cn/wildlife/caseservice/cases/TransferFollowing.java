package cn.wildlife.caseservice.cases;

import cn.wildlife.caseservice.cases.domain.Case;
import cn.wildlife.events.Envelope;
import cn.wildlife.events.EventType;
import cn.wildlife.events.transfer.TransferStepTaken;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A transfer step on {@code platform.transfers}: the case goes with the transfer (status, 以罚代刑 no longer possible)
 * and its seized items are handed over to the police. Applied once per event, retried when an officer's change raced
 * it.
 */
@Service
class TransferFollowing {

    private static final Logger log = LoggerFactory.getLogger(TransferFollowing.class);
    private static final int EVENT_RETRIES = 5;

    private final CaseStore store;
    private final CaseWriter writer;
    private final CaseEvents events;
    private final Clock clock;

    TransferFollowing(CaseStore store, CaseWriter writer, CaseEvents events, Clock clock) {
        this.store = store;
        this.writer = writer;
        this.events = events;
        this.clock = clock;
    }

    void onTransferStep(Envelope<TransferStepTaken> event) {
        TransferStepTaken step = event.data();
        if (!step.step().equals("TRANSFER") && !step.step().equals("HAND_OVER_ITEMS")) {
            return;
        }
        for (int attempt = 0; attempt < EVENT_RETRIES; attempt++) {
            Optional<Case> found = store.findByIdOrNumber(step.caseNumber());
            if (found.isEmpty() || found.get().agency() != step.sendingAgency()) {
                log.debug(
                        "Transfer {} names case {}, not a case of the sending agency here",
                        step.transferId(),
                        step.caseNumber());
                return;
            }
            Case before = found.get();
            if (store.applied(before.id(), event.id())) {
                return;
            }
            ChangedBy by = new ChangedBy(step.takenBy(), step.takenBy(), step.takenByAgency(), ChangedBy.Door.EVENT);
            Instant at = step.takenAt();
            Case after;
            String change;
            String summary;
            EventType type;
            if (step.step().equals("TRANSFER")) {
                after = before.transferredToPolice();
                change = "TRANSFERRED";
                summary = "移送公安机关（" + step.receivingRegion() + "），移送编号 " + step.transferId();
                type = EventType.CASE_TRANSFERRED;
            } else {
                String police = "公安机关（" + step.receivingRegion() + "）";
                after = before.itemsHandedOver(police, at, step.takenBy(), "随案移交，移送编号 " + step.transferId());
                change = "CUSTODY_CHANGED";
                summary = "涉案物品随案移交" + police;
                type = EventType.CASE_SEIZURE_RECORDED;
            }
            List<Document> announced = List.of(events.event(type, after, by, clock.instant(), null));
            Document entry =
                    CaseEvents.timeline(after, change, summary, by, at, new Document("transferId", step.transferId()));
            if (writer.apply(after, entry, announced, event.id())) {
                return;
            }
        }
        throw new IllegalStateException("case " + step.caseNumber() + " kept changing while applying transfer step "
                + event.id() + "; the event is retried");
    }
}
