package cn.wildlife.inspection.facility;

import cn.wildlife.support.security.Access;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.security.Role;
import cn.wildlife.support.web.RecordNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Facility lists imported from the agencies' CSV and xlsx files. */
@RestController
@RequestMapping("/api/facilities/imports")
@Validated
@Tag(name = "Facilities (人工繁育机构)")
class FacilityImportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final FacilityImports imports;
    private final Access access;

    FacilityImportController(FacilityImports imports, Access access) {
        this.imports = imports;
        this.access = access;
    }

    @PostMapping(consumes = {"text/csv", "text/plain", XLSX, "application/octet-stream"})
    @Operation(
            summary = "Import a facility list (CSV or xlsx)",
            description = "Columns 机构名称, 行政区划代码, 地址, 许可证号, 许可有效期起 (optional), 许可有效期至, 许可物种 "
                    + "(codes or catalogue names, separated by 、 or ；), 许可用途 (繁育、展示、销售、科研), 在养物种及数量 "
                    + "(optional, code:count；...). Every bad row is reported by number, column and reason; a file with "
                    + "errors imports nothing unless skipInvalid=true. The file is read as a stream within the "
                    + "platform.imports limits (rows, columns, cells, characters in a cell; for xlsx also expanded size, "
                    + "compression ratio and parts): a file over one is refused whole, 400 or 413, naming the limit. "
                    + "Answers 202 with the job; follow its progress at the Location.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "202",
            description = "已受理 Accepted: the import runs in the background",
            headers =
                    @io.swagger.v3.oas.annotations.headers.Header(
                            name = "Location",
                            description = "the import job: GET it until it is finished",
                            schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(
                                            type = "string",
                                            format = "uri-reference")))
    ResponseEntity<FacilityImports.Job> start(
            Caller caller, @RequestBody byte[] file, @RequestParam(defaultValue = "false") boolean skipInvalid) {
        access.checkWrite(
                caller,
                FacilityWork.SUPERVISING_AGENCY,
                caller.region().code(),
                Role.OFFICER,
                Role.HANDLER,
                Role.AGENCY_HEAD);
        FacilityImports.Job job = imports.start(file, skipInvalid, caller);
        return ResponseEntity.accepted()
                .location(URI.create("/api/facilities/imports/" + job.id()))
                .body(job);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An import's progress: processed of total, imported, rows skipped or failed")
    FacilityImports.Job get(Caller caller, @PathVariable @Pattern(regexp = "^IMP-[0-9a-f-]{36}$") String id) {
        FacilityImports.Job job = imports.find(id).orElseThrow(() -> new RecordNotFoundException("import", id));
        access.checkRead(caller, "facility import", id, FacilityWork.SUPERVISING_AGENCY, job.region());
        return job;
    }
}
