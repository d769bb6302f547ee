package cn.wildlife.inspection.results;

import cn.wildlife.inspection.operation.Operation;
import cn.wildlife.inspection.operation.OperationAccess;
import cn.wildlife.inspection.operation.OperationWork;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.web.InvalidRequestException;
import cn.wildlife.support.web.RecordNotFoundException;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An operation's results table (成果表) for a region and period, as JSON (each number with the records behind it),
 * xlsx or CSV with the agencies' Chinese headers. A county sees its own row; a city or province its subtree rolled up.
 */
@RestController
@RequestMapping("/api/operations/{id}/results")
@Validated
@Tag(name = "Joint operations (联合专项行动)")
class ResultsController {

    private static final String ID = "^[A-Za-z0-9._:-]{3,80}$";
    private static final String REGION = "^[1-9][0-9]{5}$";

    private final OperationWork operations;
    private final OperationResults results;
    private final Clock clock;

    ResultsController(OperationWork operations, OperationResults results, Clock clock) {
        this.operations = operations;
        this.results = results;
        this.clock = clock;
    }

    @GetMapping
    @io.swagger.v3.oas.annotations.Operation(
            summary = "The results table as JSON",
            description = "from/to default to the operation's dates; region to the caller's own (or the "
                    + "operation's). With sources=true each row's sources name the sorties, inspections, cases and "
                    + "clues behind each number (read from the records themselves: ask for a county or a short "
                    + "period in a large operation); without, the numbers come from running tallies and rows carry "
                    + "no sources.")
    OperationResults.Table json(
            Caller caller,
            @PathVariable @Pattern(regexp = ID) String id,
            @RequestParam(required = false) @Pattern(regexp = REGION) @Nullable String region,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(defaultValue = "false") boolean sources) {
        Operation operation = operations.find(id);
        if (!OperationAccess.mayRead(caller, operation)) {
            throw new RecordNotFoundException("operation", id);
        }
        LocalDate start = from != null ? from : operation.startsOn();
        LocalDate end = to != null ? to : operation.endsOn();
        if (end.isBefore(start)) {
            throw new InvalidRequestException("to", "must not be before from (" + start + ")", end.toString());
        }
        return results.compute(
                operation, OperationAccess.scope(caller, operation, region), start, end, clock.instant(), sources);
    }

    @GetMapping("/xlsx")
    @io.swagger.v3.oas.annotations.Operation(summary = "The results table as an Excel workbook")
    @ApiResponse(
            responseCode = "200",
            description = "成果表 The results table",
            content =
                    @Content(
                            mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> xlsx(
            Caller caller,
            @PathVariable @Pattern(regexp = ID) String id,
            @RequestParam(required = false) @Pattern(regexp = REGION) @Nullable String region,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to) {
        OperationResults.Table table = json(caller, id, region, from, to, false);
        return file(
                ResultsExport.xlsx(table),
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                table,
                "xlsx");
    }

    @GetMapping("/csv")
    @io.swagger.v3.oas.annotations.Operation(summary = "The results table as CSV (UTF-8 with BOM)")
    @ApiResponse(
            responseCode = "200",
            description = "成果表 The results table",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> csv(
            Caller caller,
            @PathVariable @Pattern(regexp = ID) String id,
            @RequestParam(required = false) @Pattern(regexp = REGION) @Nullable String region,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to) {
        OperationResults.Table table = json(caller, id, region, from, to, false);
        return file(
                ResultsExport.csv(table).getBytes(StandardCharsets.UTF_8),
                new MediaType("text", "csv", StandardCharsets.UTF_8),
                table,
                "csv");
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, OperationResults.Table t, String ext) {
        String name = "成果表-" + t.region() + "-" + t.from() + "-" + t.to() + "." + ext;
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }
}
