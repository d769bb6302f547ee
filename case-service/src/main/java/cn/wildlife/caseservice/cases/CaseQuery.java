package cn.wildlife.caseservice.cases;

import cn.wildlife.caseservice.cases.domain.CaseStatus;
import cn.wildlife.events.Agency;
import cn.wildlife.events.Behaviour;
import cn.wildlife.events.cases.CaseGrade;
import cn.wildlife.events.cases.CaseKind;
import cn.wildlife.events.cases.ProtectionLevel;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A case search: every filter optional except the region subtree the caller may see. */
public record CaseQuery(
        @Nullable Agency agency,
        String regionPrefix,
        @Nullable CaseStatus status,
        @Nullable CaseKind kind,
        @Nullable Behaviour behaviour,
        @Nullable String species,
        @Nullable ProtectionLevel protectionLevel,
        @Nullable CaseGrade grade,
        @Nullable Instant openedFrom,
        @Nullable Instant openedBefore,
        @Nullable String operationId,
        @Nullable String flag,
        @Nullable Boolean supervised,
        @Nullable Boolean overdue,
        Sort sort,
        int page,
        int size) {

    /** Stable orders: each ends with the id. */
    public enum Sort {
        OPENED_NEWEST,
        OPENED_OLDEST,
        VALUE_HIGHEST
    }
}
