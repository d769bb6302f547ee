package cn.wildlife.support.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wildlife.audit.AuditAction;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditRulesTest {

    private final AuditRules rules = new AuditRules(new AuditProperties(
            Duration.ofDays(180),
            Duration.ofHours(1),
            List.of("/api/clues/*/reporter"),
            List.of("/api/deadline-rules/**", "/api/species/**"),
            List.of("/api/api-keys/**"),
            List.of("/api/webhooks/**")));

    @Test
    void everyWriteIsRecordedWithItsOutcomeRefusedOnesToo() {
        assertThat(rules.classify("POST", "/api/clues", 201)).contains(AuditAction.WRITE);
        assertThat(rules.classify("PATCH", "/api/cases/C-1", 409)).contains(AuditAction.WRITE);
        assertThat(rules.classify("DELETE", "/api/subscriptions/S-1", 400)).contains(AuditAction.WRITE);
        assertThat(rules.classify("PUT", "/api/clues/CL-1/reporter", 500)).contains(AuditAction.WRITE);
    }

    @Test
    void everyDenialIsRecordedReadsIncluded() {
        assertThat(rules.classify("GET", "/api/clues", 401)).contains(AuditAction.DENIAL);
        assertThat(rules.classify("GET", "/api/audit", 403)).contains(AuditAction.DENIAL);
        assertThat(rules.classify("POST", "/api/webhooks", 403)).contains(AuditAction.DENIAL);
    }

    @Test
    void ordinaryReadsAreNotRecordedPersonalDataReadsAndAuditReadsAre() {
        assertThat(rules.classify("GET", "/api/clues/CL-1", 200)).isEmpty();
        assertThat(rules.classify("GET", "/api/clues/CL-1/reporter", 200)).contains(AuditAction.PERSONAL_READ);
        assertThat(rules.classify("GET", "/api/audit", 200)).contains(AuditAction.AUDIT_READ);
        assertThat(rules.classify("GET", "/api/audit/verification", 200)).contains(AuditAction.AUDIT_READ);
        assertThat(rules.classify("OPTIONS", "/api/clues", 200)).isEmpty();
    }

    @Test
    void administrativeWritesAreNamedByTheirPaths() {
        assertThat(rules.classify("POST", "/api/deadline-rules", 201)).contains(AuditAction.ADMIN_ACTION);
        assertThat(rules.classify("PUT", "/api/species/X", 200)).contains(AuditAction.ADMIN_ACTION);
        assertThat(rules.classify("POST", "/api/api-keys", 201)).contains(AuditAction.KEY_CHANGE);
        assertThat(rules.classify("POST", "/api/webhooks/W-1/secret", 200)).contains(AuditAction.WEBHOOK_CHANGE);
        assertThat(rules.classify("DELETE", "/api/webhooks/W-1", 204)).contains(AuditAction.WEBHOOK_CHANGE);
    }

    @Test
    void aRetentionShorterThanSixMonthsIsRefused() {
        assertThatThrownBy(() -> new AuditProperties(
                        Duration.ofDays(90), Duration.ofHours(1), List.of(), List.of(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("platform.audit.retention");
    }
}
