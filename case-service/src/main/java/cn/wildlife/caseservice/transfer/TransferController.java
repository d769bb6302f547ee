package cn.wildlife.caseservice.transfer;

import cn.wildlife.caseservice.transfer.domain.Actor;
import cn.wildlife.caseservice.transfer.domain.PackagePart;
import cn.wildlife.caseservice.transfer.domain.Party;
import cn.wildlife.caseservice.transfer.domain.Transfer;
import cn.wildlife.caseservice.transfer.domain.TransferState;
import cn.wildlife.caseservice.transfer.domain.TransferStep;
import cn.wildlife.events.Agency;
import cn.wildlife.support.outbox.OutboxCollection;
import cn.wildlife.support.security.Access;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.security.Role;
import cn.wildlife.support.web.InvalidRequestException;
import cn.wildlife.support.web.RecordNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The transfer of suspected crimes (两法衔接): report, then each step by the party whose turn it is. */
@RestController
@RequestMapping("/api/transfers")
@Validated
@Tag(
        name = "Transfers (两法衔接)",
        description = "Suspected crimes transferred from administrative agencies to public "
                + "security, with the procuratorate's supervision; every step opens or fulfils a legal clock")
class TransferController {

    private static final String ID = "^TR-[0-9]{6}-[A-Z0-9]{8}$";

    private final TransferWorkflow workflow;
    private final TransferStore store;
    private final Access access;

    TransferController(TransferWorkflow workflow, TransferStore store, Access access) {
        this.workflow = workflow;
        this.store = store;
        this.access = access;
    }

    @PostMapping
    @Operation(
            summary = "Report a suspected crime to the agency head: the transfer's first step",
            description = "By officers of forestry, market supervision or agriculture. Opens the 3-day clock of the "
                    + "head's decision (Decree 310 Art. 5).")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "已报告 Reported",
            headers =
                    @io.swagger.v3.oas.annotations.headers.Header(
                            name = "Location",
                            description = "the transfer",
                            schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(
                                            type = "string",
                                            format = "uri-reference")))
    ResponseEntity<TransferView> report(Caller caller, @Valid @RequestBody NewTransfer request) {
        access.requireAnyRole(caller, Role.OFFICER, Role.HANDLER, Role.AGENCY_HEAD);
        Transfer transfer = workflow.report(request.caseNumber(), request.summary(), actor(caller));
        return ResponseEntity.created(URI.create("/api/transfers/" + transfer.id()))
                .body(TransferView.of(transfer));
    }

    @PostMapping("/returns")
    @Operation(
            summary = "Reverse transfer: public security sends a case back to the competent administrative agency",
            description = "No crime, but an administrative violation. The agency then accepts it (accept-return) and "
                    + "must record its own outcome (record-outcome): the platform tracks it until it does.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "已退回 Returned to the agency",
            headers =
                    @io.swagger.v3.oas.annotations.headers.Header(
                            name = "Location",
                            description = "the transfer",
                            schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(
                                            type = "string",
                                            format = "uri-reference")))
    ResponseEntity<TransferView> returnToAgency(Caller caller, @Valid @RequestBody ReturnedCase request) {
        access.requireAnyRole(caller, Role.OFFICER, Role.HANDLER, Role.AGENCY_HEAD);
        Transfer transfer = workflow.returnToAgency(
                request.caseNumber(),
                request.summary(),
                actor(caller),
                request.toAgency(),
                request.toRegion(),
                request.reasons());
        return ResponseEntity.created(URI.create("/api/transfers/" + transfer.id()))
                .body(TransferView.of(transfer));
    }

    @PostMapping("/{id}/steps/{step}")
    @Operation(
            summary = "Take a step",
            description = "Steps: approve, refuse (head); transfer (with packageParts); receive, pass-on (passOnTo), "
                    + "file, refuse-filing (police); hand-over-items, request-reconsideration, request-supervision "
                    + "(sender); reconsider-and-file, reconsider-and-uphold, give-explanation (police); "
                    + "request-explanation, order-filing (procuratorate); accept-non-filing; accept-return and "
                    + "record-outcome (the administrative agency, after a reverse transfer, a refusal or a "
                    + "non-filing). 409 names the state and the allowed steps (also when expectedVersion is stale, "
                    + "with the current version); 403 when it is another party's turn.")
    TransferView take(
            Caller caller,
            @PathVariable @Pattern(regexp = ID) String id,
            @PathVariable @Pattern(regexp = "^[a-z-]{3,40}$") String step,
            @Valid @RequestBody(required = false) @Nullable StepRequest request) {
        access.requireAnyRole(caller, Role.OFFICER, Role.HANDLER, Role.AGENCY_HEAD);
        TransferStep chosen = Arrays.stream(TransferStep.values())
                .filter(s -> s.path().equals(step))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException(
                        "step",
                        "unknown step; one of "
                                + Arrays.stream(TransferStep.values())
                                        .map(TransferStep::path)
                                        .toList(),
                        step));
        StepRequest body = request == null ? new StepRequest(null, null, null, null) : request;
        Transfer visible = readable(caller, id);
        Transfer after = workflow.take(
                visible.id(),
                chosen,
                actor(caller),
                new Transfer.Details(body.reasons(), body.packageParts(), body.passOnTo()),
                body.expectedVersion());
        return TransferView.of(after);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One transfer with its history and the steps allowed now")
    TransferView get(Caller caller, @PathVariable @Pattern(regexp = ID) String id) {
        return TransferView.of(readable(caller, id));
    }

    @GetMapping
    @Operation(
            summary = "Transfers the caller's agency sent or receives in its region (oversight: all in its region)",
            description = "Newest change first. With caseNumber (up to 5, repeated), only the transfers naming one of "
                    + "them: a case's platform id or its number, or the police's number for a case returned to the "
                    + "agency.")
    List<TransferView> list(
            Caller caller,
            @RequestParam(required = false) @Size(max = 5) List<@Size(min = 1, max = 100) String> caseNumber,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        List<Transfer> found = store.visibleTo(
                caller.agency(),
                caller.region().subtreePrefix(),
                caller.isOversight(),
                caseNumber == null ? List.of() : caseNumber,
                page,
                size);
        access.auditSearchResults(
                caller,
                "transfer",
                found.stream()
                        .map(t -> new Access.Owned(t.id(), t.sendingAgency()))
                        .toList());
        return found.stream().map(TransferView::of).toList();
    }

    private Transfer readable(Caller caller, String id) {
        Transfer transfer = store.find(id).orElseThrow(() -> new RecordNotFoundException("transfer", id));
        Actor actor = actor(caller);
        boolean party = Arrays.stream(Party.values()).anyMatch(p -> transfer.isParty(actor, p));
        access.checkSharedRead(caller, "transfer", id, party, transfer.sendingAgency(), transfer.sendingRegion());
        return transfer;
    }

    private static Actor actor(Caller caller) {
        return new Actor(caller.subject(), caller.agency(), caller.region(), caller.has(Role.AGENCY_HEAD));
    }

    @io.swagger.v3.oas.annotations.media.Schema(example = """
            {"caseNumber":"FORESTRY-220112-2026-00007","summary":"非法猎捕大天鹅1只、豆雁2只，涉嫌非法狩猎罪"}""")
    record NewTransfer(
            @NotBlank @Size(max = 100) String caseNumber,
            @NotBlank @Size(max = 4000) String summary) {}

    @io.swagger.v3.oas.annotations.media.Schema(example = """
            {"caseNumber":"双公刑〔2026〕88号","summary":"未达刑事立案标准，退回林业部门依法处理","toAgency":"FORESTRY",
             "toRegion":"220112","reasons":["涉案价值未达立案追诉标准"]}""")
    record ReturnedCase(
            @NotBlank @Size(max = 100) String caseNumber,
            @NotBlank @Size(max = 4000) String summary,
            @jakarta.validation.constraints.NotNull Agency toAgency,

            @jakarta.validation.constraints.NotNull
            @Pattern(regexp = "^[1-9][0-9]{5}$", message = "{cn.wildlife.region.invalid}")
            String toRegion,

            @jakarta.validation.constraints.NotEmpty @Size(max = 20)
            List<@NotBlank @Size(max = 2000) String> reasons) {}

    @io.swagger.v3.oas.annotations.media.Schema(example = """
            {"packageParts":["TRANSFER_LETTER","INVESTIGATION_REPORT","SEIZED_ITEMS_LIST"],"expectedVersion":2}""")
    record StepRequest(
            @Nullable @Size(max = 20) List<@NotBlank @Size(max = 2000) String> reasons,
            @Nullable Set<PackagePart> packageParts,

            @Nullable @Pattern(regexp = "^[1-9][0-9]{5}$", message = "{cn.wildlife.region.invalid}")
            String passOnTo,

            @Nullable Long expectedVersion) {}

    /** A transfer as its parties see it, with the steps its state allows. */
    record TransferView(
            String id,
            Transfer.Direction direction,
            String caseNumber,
            String summary,
            Agency sendingAgency,
            String sendingRegion,
            String receivingRegion,
            TransferState state,
            String stateLabel,
            Set<PackagePart> packageParts,
            List<String> allowedSteps,
            List<Transfer.Entry> history,
            long version,
            Instant updatedAt) {
        static TransferView of(Transfer t) {
            return new TransferView(
                    t.id(),
                    t.direction(),
                    t.caseNumber(),
                    t.summary(),
                    t.sendingAgency(),
                    t.sendingRegion(),
                    t.receivingRegion(),
                    t.state(),
                    t.state().label(),
                    t.packageParts(),
                    t.allowedSteps().stream().map(TransferStep::path).toList(),
                    t.history(),
                    t.version(),
                    t.history().get(t.history().size() - 1).at());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TransferConfiguration {

        @Bean
        OutboxCollection transferOutbox(TransferStore store) {
            return new OutboxCollection(store.collection());
        }

        @Bean
        org.springdoc.core.customizers.OperationCustomizer transferStepNames() {
            return cn.wildlife.support.web.OpenApiConfiguration.parameterValues(
                    TransferController.class,
                    "step",
                    Arrays.stream(TransferStep.values()).map(TransferStep::path).toList());
        }
    }
}
