package cn.wildlife.caseservice.personaldata;

import cn.wildlife.caseservice.personaldata.domain.ExportPolicy;
import cn.wildlife.support.audit.AuditFilter;
import cn.wildlife.support.security.AccessDeniedProblem;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.web.Texts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The REST door to lawful exports of one person's data (PIPL; courts', prosecutors' and police requests). */
@RestController
@RequestMapping("/api/personal-data/exports")
@Tag(name = "Personal data (个人信息)", description = "One person's data exported for a lawful request, audited")
class PersonalDataController {

    private final PersonalDataExports exports;
    private final Texts texts;

    PersonalDataController(PersonalDataExports exports, Texts texts) {
        this.exports = exports;
        this.texts = texts;
    }

    @PostMapping
    @Operation(
            summary = "Export one person's data for a lawful request (个人信息依法导出): the agency head only",
            description = "Finds, through the blind indexes alone, every clue the person reported, every clue or case"
                    + " naming their ID number or phone as a suspect's identifier, and every case they are a party"
                    + " to, of the caller's agency in the caller's region; answers them with the person's fields"
                    + " opened. The export, its request reference, how many records and each record's id go to the"
                    + " audit trail (never the identifier). Only an agency head (AGENCY_HEAD) may; never an"
                    + " administrator of 三员分立, never a partner system.")
    @ApiResponse(responseCode = "200", description = "The export", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "A bad identifier, request reference or legal basis, each named")
    @ApiResponse(responseCode = "403", description = "Not the agency head, or an administrator or partner system")
    ResponseEntity<PersonalDataExport> export(
            Caller caller,
            @RequestBody ExportRequest request,
            @Parameter(description = "true: the same JSON as a file to save (Content-Disposition: attachment)")
                    @RequestParam(defaultValue = "false")
                    boolean download,
            HttpServletRequest http) {
        ExportPolicy.refusal(caller.roles()).ifPresent(refusal -> {
            throw new AccessDeniedProblem(refusal.code(), texts.get("personal-data.refused." + refusal.name()));
        });
        ExportRequest.Checked checked = request.checked(texts);
        PersonalDataExport export =
                exports.export(caller, checked.person(), checked.basis(), AuditFilter.origin(http, null));
        // The export wrote its PERSONAL_EXPORT entries: the same request once more as a plain write would add nothing.
        AuditFilter.markWriteRecorded(http);
        ResponseEntity.BodyBuilder answer =
                ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore());
        if (download) {
            answer.header(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename("个人信息导出-" + export.exportId() + ".json", StandardCharsets.UTF_8)
                            .build()
                            .toString());
        }
        return answer.body(export);
    }
}
