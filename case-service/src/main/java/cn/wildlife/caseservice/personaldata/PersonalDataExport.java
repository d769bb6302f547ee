package cn.wildlife.caseservice.personaldata;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One person's data as the agency stores it, exported for a lawful request (个人信息导出): every record of the agency
 * in the caller's region that names the person, with the person's fields opened. Never printed whole: it is nothing
 * but personal data.
 *
 * @param exportId the id the audit trail names this export by
 */
@Schema(name = "PersonalDataExport")
public record PersonalDataExport(
        String exportId,
        String title,
        Instant exportedAt,
        String exportedBy,
        String exportedByName,
        String agency,
        String agencyLabel,
        String region,
        String requestReference,
        String legalBasis,
        String identifierType,
        int recordCount,
        List<ExportedRecord> records) {

    public PersonalDataExport {
        records = List.copyOf(records);
    }

    @Override
    public String toString() {
        return "PersonalDataExport[" + exportId + ", " + recordCount + " records, withheld]";
    }

    /**
     * One record naming the person, and what it holds of them.
     *
     * @param kind         {@code CLUE_REPORTER}, {@code CLUE} or {@code CASE}
     * @param role         {@code REPORTER}, {@code SUSPECT} or {@code PARTY}
     * @param dates        the record's dates (received, recorded, opened), by name
     * @param personalData the person's fields as stored, opened (name, phone, ID number, address, an identifier...)
     */
    @Schema(name = "ExportedRecord")
    public record ExportedRecord(
            String kind,
            String kindLabel,
            String recordId,
            String role,
            String roleLabel,
            String agency,
            String region,
            Map<String, Instant> dates,
            Map<String, Object> personalData) {

        @Override
        public String toString() {
            return "ExportedRecord[" + kind + " " + recordId + ", " + role + ", withheld]";
        }
    }
}
