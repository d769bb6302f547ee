package cn.wildlife.events.transfer;

import cn.wildlife.events.Agency;
import cn.wildlife.events.EventPayload;
import java.time.Instant;
import java.util.List;

/**
 * A step of the transfer of a suspected crime (两法衔接) was taken (topic {@code platform.transfers}). One payload
 * for every step; the CloudEvents type names the step, and it is what deadline rules open and fulfil clocks on.
 *
 * @param step          the step taken, e.g. APPROVE, FILE, REQUEST_RECONSIDERATION
 * @param state         the transfer's state after the step
 * @param receivingRegion the region of the public security organ that is to receive it (changes when passed on)
 * @param reasons       the reasons a refusal, a non-filing or a request gives (empty otherwise)
 * @param packageParts  the parts of the transfer package delivered (TRANSFER step)
 */
public record TransferStepTaken(
        String transferId,
        String step,
        String state,
        String caseNumber,
        Agency sendingAgency,
        String sendingRegion,
        String receivingRegion,
        String takenBy,
        Agency takenByAgency,
        Instant takenAt,
        List<String> reasons,
        List<String> packageParts)
        implements EventPayload {

    public TransferStepTaken {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        packageParts = packageParts == null ? List.of() : List.copyOf(packageParts);
    }

    @Override
    public String subject() {
        return transferId;
    }
}
