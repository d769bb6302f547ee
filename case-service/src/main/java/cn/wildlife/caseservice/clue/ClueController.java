package cn.wildlife.caseservice.clue;

import cn.wildlife.caseservice.clue.domain.Clue;
import cn.wildlife.caseservice.link.IdentifierRequest;
import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.ClueSource;
import cn.wildlife.events.Place;
import cn.wildlife.events.clue.ClueRecorded;
import cn.wildlife.events.link.Identifier;
import cn.wildlife.support.security.Access;
import cn.wildlife.support.security.AccessDeniedProblem;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.security.Role;
import cn.wildlife.support.web.InvalidRequestException;
import cn.wildlife.support.web.RecordGoneException;
import cn.wildlife.support.web.RecordNotFoundException;
import cn.wildlife.support.web.Texts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The REST door to clues: the same records and rules as the agencies' event door. */
@RestController
@RequestMapping("/api/clues")
@Validated
@Tag(name = "Clues (线索)", description = "Clues reported by agencies, by event or through this API")
class ClueController {

    private static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:-]{2,79}$";

    /** Dates in messages are Beijing dates. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ClueRecording recording;
    private final ClueHandling handling;
    private final ClueStore store;
    private final ClueReporters reporters;
    private final ReporterErasure erasure;
    private final Access access;
    private final java.time.Clock clock;
    private final Texts texts;

    ClueController(
            ClueRecording recording,
            ClueHandling handling,
            ClueStore store,
            ClueReporters reporters,
            ReporterErasure erasure,
            Access access,
            java.time.Clock clock,
            Texts texts) {
        this.recording = recording;
        this.handling = handling;
        this.store = store;
        this.reporters = reporters;
        this.erasure = erasure;
        this.access = access;
        this.clock = clock;
        this.texts = texts;
    }

    /** The owning agency reads as usual; the agency a clue was referred to reads it as a party, audited. */
    private Clue readable(Caller caller, String id) {
        Clue clue = store.find(id).orElseThrow(() -> new RecordNotFoundException("clue", id));
        access.checkSharedRead(caller, "clue", id, isReferralTarget(caller, clue), clue.agency(), clue.region());
        return clue;
    }

    private static boolean isReferralTarget(Caller caller, Clue clue) {
        return clue.referredTo() != null && caller.agency() == clue.referredTo() && caller.covers(clue.region());
    }

    @GetMapping("/{id}/reporter")
    @Operation(
            summary = "The reporter's identity (举报人信息): the receiving agency's handlers only",
            description = "Every read is audited. Anyone else gets 404, as if there were no such record. 410 once the"
                    + " identity was erased at the end of its retention period (PIPL).")
    @ApiResponse(responseCode = "200", description = "The reporter", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "410",
            description = "举报人信息已删除 The reporter's identity was erased: its retention ran out")
    ClueReporters.Reporter reporter(Caller caller, @PathVariable @Pattern(regexp = ID_PATTERN) String id) {
        Clue clue = store.find(id).orElseThrow(() -> new RecordNotFoundException("clue", id));
        if (caller.agency() != clue.agency() || !caller.has(Role.HANDLER) || !caller.covers(clue.region())) {
            throw new RecordNotFoundException("clue reporter", id);
        }
        ClueReporters.Reporter reporter = reporters.find(id).orElseThrow(() -> {
            Instant erasedAt = erasure.erasedAt(id);
            return erasedAt == null
                    ? new RecordNotFoundException("clue reporter", id)
                    : new RecordGoneException(
                            "reporter-erased",
                            texts.get("clue.reporter-erased", id, LocalDate.ofInstant(erasedAt, CHINA)));
        });
        access.auditConfidentialRead(caller, "clue-reporter", id, clue.agency());
        return reporter;
    }

    @org.springframework.web.bind.annotation.PutMapping("/{id}/reporter")
    @Operation(summary = "Record or correct who reported the clue (the receiving agency's handlers)")
    ClueView putReporter(
            Caller caller,
            @PathVariable @Pattern(regexp = ID_PATTERN) String id,
            @Valid @RequestBody ReporterRequest request) {
        Clue clue = store.find(id).orElseThrow(() -> new RecordNotFoundException("clue", id));
        access.checkRead(caller, "clue", id, clue.agency(), clue.region());
        access.checkWrite(caller, clue.agency(), clue.region(), Role.HANDLER);
        reporters.save(id, request.toReporter(caller, clock.instant()));
        store.markReporterOnFile(id);
        return ClueView.of(store.find(id).orElseThrow(), caller);
    }

    /** The reporter, as the receiving agency enters them. */
    @io.swagger.v3.oas.annotations.media.Schema(example = """
            {"anonymous":false,"name":"王某","phone":"13912345678","rewardRequested":true}""")
    record ReporterRequest(
            boolean anonymous,
            @Nullable @Size(max = 100) String name,

            @Nullable @Pattern(regexp = "^\\+?[0-9-]{5,20}$")
            String phone,

            @Nullable @Pattern(regexp = "^[0-9A-Za-z]{8,30}$")
            String idNumber,

            @Nullable @Size(max = 200) String contact,
            boolean rewardRequested) {

        ClueReporters.Reporter toReporter(Caller caller, Instant at) {
            return new ClueReporters.Reporter(
                    anonymous, name, phone, idNumber, contact, rewardRequested, caller.subject(), at);
        }

        @Override
        public String toString() {
            return "ReporterRequest[identity withheld]";
        }
    }

    @PostMapping("/{id}/steps/{step}")
    @Operation(
            summary = "Handle a clue: assign, open-case, dismiss or refer",
            description = "By the receiving agency's officers. Opening a case (caseNumber), a dismissal (reasons) or a "
                    + "referral (referredTo, reasons) fulfils the clue's handling clock. 409 names the status and "
                    + "the steps it allows.")
    ClueView take(
            Caller caller,
            @PathVariable @Pattern(regexp = ID_PATTERN) String id,
            @PathVariable @Pattern(regexp = "^[a-z-]{3,20}$") String step,
            @Valid @RequestBody(required = false) @Nullable ClueStepRequest request) {
        Clue clue = readable(caller, id);
        Clue.Step chosen = java.util.Arrays.stream(Clue.Step.values())
                .filter(s -> s.path().equals(step))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException(
                        "step",
                        texts.get(
                                "step.one-of",
                                java.util.Arrays.stream(Clue.Step.values())
                                        .map(Clue.Step::path)
                                        .toList()),
                        step));
        // Accepting a referral is the receiving agency's step; every other step is the clue's own agency's.
        Agency actingAgency =
                chosen == Clue.Step.ACCEPT_REFERRAL && clue.referredTo() != null ? clue.referredTo() : clue.agency();
        access.checkWrite(caller, actingAgency, clue.region(), Role.OFFICER, Role.HANDLER, Role.AGENCY_HEAD);
        ClueStepRequest body = request == null ? new ClueStepRequest(null, null, null, null, null) : request;
        return ClueView.of(
                handling.take(
                        clue,
                        chosen,
                        caller,
                        new Clue.StepDetails(body.reasons(), body.caseNumber(), body.referredTo(), body.assignee()),
                        body.expectedVersion()),
                caller);
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class ClueDocumentation {

        @org.springframework.context.annotation.Bean
        org.springdoc.core.customizers.OperationCustomizer clueStepNames() {
            return cn.wildlife.support.web.OpenApiConfiguration.parameterValues(
                    ClueController.class,
                    "step",
                    java.util.Arrays.stream(Clue.Step.values())
                            .map(Clue.Step::path)
                            .toList());
        }
    }

    /** What a clue step carries. */
    @io.swagger.v3.oas.annotations.media.Schema(example = """
            {"reasons":["涉及饭店收购野生鸟类，属市场监管部门职责"],"referredTo":"MARKET_SUPERVISION"}""")
    record ClueStepRequest(
            @Nullable @Size(max = 20) List<@NotBlank @Size(max = 2000) String> reasons,
            @Nullable @Size(max = 100) String caseNumber,
            @Nullable Agency referredTo,
            @Nullable @Size(max = 200) String assignee,
            @Nullable Long expectedVersion) {}

    @GetMapping("/{id}")
    @Operation(summary = "One clue by id")
    ClueView get(Caller caller, @PathVariable @Pattern(regexp = ID_PATTERN) String id) {
        return ClueView.of(readable(caller, id), caller);
    }

    @GetMapping
    @Operation(
            summary = "Search clues",
            description = "Newest first; region returns the region's whole subtree "
                    + "(a province sees its cities and counties). An agency sees its own clues in its region; the "
                    + "procuratorate and the supervision office see every agency's in theirs. referredTo lists the "
                    + "clues other agencies referred to the caller's agency (with status=REFERRED, those awaiting its "
                    + "acceptance), each read audited as a party's.")
    ClueViewPage search(
            Caller caller,
            @RequestParam(required = false) @Nullable Agency agency,
            @RequestParam(required = false) @Pattern(regexp = "^[1-9][0-9]{5}$") @Nullable String region,
            @RequestParam(required = false) Clue.@Nullable Status status,
            @Parameter(description = "the agency the clues were referred to: the caller's own")
                    @RequestParam(required = false)
                    @Nullable
                    Agency referredTo,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        Access.Scope scope = referredTo == null
                ? access.searchScope(caller, agency, region)
                : referralScope(caller, referredTo, agency, region);
        ClueStore.Page result =
                store.search(new ClueQuery(scope.agency(), scope.regionPrefix(), status, referredTo, page, size));
        access.auditSearchResults(
                caller,
                "clue",
                result.items().stream()
                        .map(c -> new Access.Owned(c.id(), c.agency()))
                        .toList(),
                referredTo == null || caller.isOversight() ? Access.Grant.OVERSIGHT : Access.Grant.PARTY);
        return new ClueViewPage(
                result.items().stream().map(c -> ClueView.of(c, caller)).toList(),
                result.page(),
                result.size(),
                result.total());
    }

    /**
     * The clues referred to an agency are read by that agency as a party, whichever agency holds them: only its own
     * agency's officers (or oversight) ask, and only within their region.
     */
    private Access.Scope referralScope(
            Caller caller, Agency referredTo, @Nullable Agency agency, @Nullable String region) {
        if (!caller.isOversight() && referredTo != caller.agency()) {
            throw new AccessDeniedProblem(
                    "other-agency", "referredTo: you may list only the clues referred to " + caller.agency());
        }
        return new Access.Scope(agency, access.searchScope(caller, null, region).regionPrefix());
    }

    @PostMapping
    @Operation(
            summary = "Record a clue received by the caller's agency",
            description = "The clue is announced on platform.clues and opens its handling deadline. The agency is "
                    + "the caller's; the region must be within the caller's. A reporter is recorded by handlers "
                    + "only: anyone else gets 403 and nothing is recorded.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "已登记 Recorded",
            headers =
                    @io.swagger.v3.oas.annotations.headers.Header(
                            name = "Location",
                            description = "the clue",
                            schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(
                                            type = "string",
                                            format = "uri-reference")))
    ResponseEntity<ClueView> create(Caller caller, @Valid @RequestBody NewClue request) {
        if (caller.isOversight()) {
            throw new AccessDeniedProblem("oversight-reads-only", texts.get("clue.oversight-reads-only"));
        }
        Agency agency = request.agency() != null ? request.agency() : caller.agency();
        access.checkWrite(caller, agency, request.region(), Role.OFFICER, Role.HANDLER);
        if (request.reporter() != null) {
            // Only handlers record who reported (举报人保密); checked before anything is written, so a refused
            // request leaves no clue behind.
            access.checkWrite(caller, agency, request.region(), Role.HANDLER);
        }
        if (request.clueId() != null && !request.clueId().startsWith(agency.name() + "-")) {
            throw new InvalidRequestException("clueId", texts.get("id.prefix", agency.name()), request.clueId());
        }
        List<Identifier> identifiers = IdentifierRequest.checked(request.identifiers(), texts);
        String id = request.clueId() != null
                ? request.clueId()
                : agency.name() + "-" + request.region() + "-"
                        + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Clue clue = Clue.builder()
                .id(id)
                .agency(agency)
                .region(request.region())
                .source(request.source())
                .receivedAt(request.receivedAt())
                .recordedAt(recording.now())
                .place(request.place() == null ? null : request.place().toPlace())
                .speciesCodes(request.speciesCodes() == null ? List.of() : request.speciesCodes())
                .behaviours(request.behaviours() == null ? List.of() : request.behaviours())
                .summary(request.summary())
                .channel(ClueRecorded.Channel.REST)
                .reporterOnFile(request.reporter() != null)
                .identifiers(identifiers)
                .people(request.people() == null ? List.of() : request.people())
                .evidence(request.evidence() == null ? List.of() : request.evidence())
                .operationId(request.operationId())
                .build();
        Clue created = recording.create(clue);
        if (request.reporter() != null) {
            reporters.save(created.id(), request.reporter().toReporter(caller, recording.now()));
        }
        return ResponseEntity.created(URI.create("/api/clues/" + created.id())).body(ClueView.of(created, caller));
    }

    /** One page of clues, newest first. */
    record ClueViewPage(List<ClueView> items, int page, int size, long total) {}

    /** A clue as an officer sees it. */
    record ClueView(
            String id,
            Agency agency,
            String agencyLabel,
            String region,
            ClueSource source,
            String sourceLabel,
            Instant receivedAt,
            Instant recordedAt,
            @Nullable Place place,
            List<String> speciesCodes,
            List<Behaviour> behaviours,
            String summary,
            Clue.Status status,
            String statusLabel,
            List<String> allowedSteps,
            ClueRecorded.Channel channel,
            @Nullable Agency referredTo,
            @Nullable String referredFrom,
            @Nullable Boolean reporterOnFile,
            @Nullable Instant feedbackAt,
            @Nullable List<Identifier> identifiers,
            @Nullable List<String> people,
            List<String> evidence,
            @Nullable String operationId,
            ClueRecorded.@Nullable FromInspection fromInspection,
            long version,

            @io.swagger.v3.oas.annotations.media.Schema(
                    description = "Once the agency the clue was "
                            + "referred to accepted it: the id of that agency's own copy (its own clue, with its own "
                            + "handling clock)")
            @Nullable
            String referralCopyId) {

        /** Whether a reporter is on file is the receiving agency's business only. */
        static ClueView of(Clue c, Caller caller) {
            boolean own = caller.agency() == c.agency();
            return new ClueView(
                    c.id(),
                    c.agency(),
                    c.agency().label(),
                    c.region(),
                    c.source(),
                    c.source().label(),
                    c.receivedAt(),
                    c.recordedAt(),
                    c.place(),
                    c.speciesCodes(),
                    c.behaviours(),
                    c.summary(),
                    c.status(),
                    c.status().label(),
                    c.allowedSteps().stream()
                            .filter(step -> own
                                    ? step != Clue.Step.ACCEPT_REFERRAL
                                    : step == Clue.Step.ACCEPT_REFERRAL && caller.agency() == c.referredTo())
                            .map(Clue.Step::path)
                            .toList(),
                    c.channel(),
                    c.referredTo(),
                    c.referredFrom(),
                    own ? c.reporterOnFile() : null,
                    c.feedbackAt(),
                    own
                            ? c.identifiers().stream()
                                    .map(i -> new Identifier(i.type(), i.value()))
                                    .toList()
                            : null,
                    own ? c.people() : null,
                    c.evidence(),
                    c.operationId(),
                    c.fromInspection(),
                    c.version(),
                    c.status() == Clue.Status.REFERRAL_ACCEPTED && c.referredTo() != null
                            ? ClueRecording.ownId(c.referredTo(), "REF", c.id())
                            : null);
        }
    }

    /** A clue entered through the API. */
    @io.swagger.v3.oas.annotations.media.Schema(example = """
            {"region":"220112","source":"TIP_OFF","receivedAt":"2026-11-20T09:00:00+08:00",
             "place":{"description":"双阳区奢岭水库东岸","latitude":43.52,"longitude":125.66},
             "speciesCodes":["cygnus-cygnus"],"behaviours":["ILLEGAL_HUNTING"],"summary":"群众举报水库边有人架网捕鸟",
             "reporter":{"anonymous":false,"name":"王某","phone":"13912345678"},
             "identifiers":[{"type":"VEHICLE_PLATE","value":"吉A·D1234"}],
             "people":["男，约四十岁，驾驶白色面包车"],"evidence":["热线录音 12345-20261120-0931.mp3"],
             "operationId":"OP-220000-2026-1A2B3C"}""")
    record NewClue(
            @Nullable @Pattern(regexp = ID_PATTERN) String clueId,
            @Nullable Agency agency,

            @NotNull @Pattern(regexp = "^[1-9][0-9]{5}$", message = "{cn.wildlife.region.invalid}")
            String region,

            @NotNull ClueSource source,
            @NotNull @PastOrPresent Instant receivedAt,
            @Nullable @Valid NewPlace place,
            @Nullable @Size(max = 50) List<@NotBlank @Size(max = 40) String> speciesCodes,
            @Nullable @Size(max = 7) List<@NotNull Behaviour> behaviours,
            @NotBlank @Size(max = 4000) String summary,
            @Nullable @Valid ReporterRequest reporter,
            @Nullable @Size(max = 50) List<@NotNull @Valid IdentifierRequest> identifiers,
            @Nullable @Size(max = 50) List<@NotBlank @Size(max = 500) String> people,
            @Nullable @Size(max = 200) List<@NotBlank @Size(max = 500) String> evidence,
            @Nullable @Pattern(regexp = ID_PATTERN) String operationId) {}

    /** Where it happened. */
    record NewPlace(
            @NotBlank @Size(max = 500) String description,
            @Nullable @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @Nullable @DecimalMin("-180") @DecimalMax("180") Double longitude) {

        Place toPlace() {
            return new Place(description, latitude, longitude);
        }
    }
}
