package cn.wildlife.caseservice.cases;

import cn.wildlife.events.Agency;
import cn.wildlife.events.cases.CaseKind;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The platform's case numbers (案号): one sequence per agency, region and year. */
@Component
class CaseNumbering {

    /** The id a case is kept under, and its number. */
    record Numbered(String id, String number) {}

    private final CaseStore store;

    CaseNumbering(CaseStore store) {
        this.store = store;
    }

    /**
     * The next number in the sequence, and the id: the agency system's own when it gave one, otherwise one made from
     * the same sequence. Taking a number does not reserve it: the insert that uses it may find it taken.
     */
    Numbered next(Agency agency, CaseKind kind, String region, int year, @Nullable String caseId) {
        long sequence = store.nextSequence(agency, region, year);
        String id = caseId != null
                ? caseId
                : agency.name() + "-" + region + "-" + year + "-" + String.format("%05d", sequence);
        return new Numbered(id, number(agency, kind, region, year, sequence));
    }

    static String number(Agency agency, CaseKind kind, String region, int year, long sequence) {
        String prefix = switch (agency) {
            case FORESTRY -> "林";
            case PUBLIC_SECURITY -> "公";
            case MARKET_SUPERVISION -> "市监";
            case AGRICULTURE -> "农";
            case PROCURATORATE, SUPERVISION_OFFICE -> throw new IllegalArgumentException(agency + " opens no cases");
        };
        return region + prefix + (kind == CaseKind.CRIMINAL ? "刑" : "行") + "〔" + year + "〕" + sequence + "号";
    }
}
