package cn.wildlife.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.audit.AuditAction;
import org.junit.jupiter.api.Test;

class GatewayAuditRulesTest {

    @Test
    void everyChangeToAKeyIsAKeyChangeWithItsOutcomeAndARefusalADenial() {
        assertThat(GatewayAuditRules.classify("POST", "/api/api-keys", 201)).hasValue(AuditAction.KEY_CHANGE);
        assertThat(GatewayAuditRules.classify("PATCH", "/api/api-keys/0a1b", 400))
                .hasValue(AuditAction.KEY_CHANGE);
        assertThat(GatewayAuditRules.classify("DELETE", "/api/api-keys/0a1b", 404))
                .hasValue(AuditAction.KEY_CHANGE);
        assertThat(GatewayAuditRules.classify("DELETE", "/api/api-keys/0a1b", 403))
                .hasValue(AuditAction.DENIAL);
        assertThat(GatewayAuditRules.classify("POST", "/api/api-keys", 401)).hasValue(AuditAction.DENIAL);
    }

    @Test
    void readsOfKeysAreRecordedOnlyWhenRefusedAndReadsOfTheTrailAlways() {
        assertThat(GatewayAuditRules.classify("GET", "/api/api-keys", 200)).isEmpty();
        assertThat(GatewayAuditRules.classify("GET", "/api/api-keys", 403)).hasValue(AuditAction.DENIAL);
        assertThat(GatewayAuditRules.classify("GET", "/api/audit/gateway", 200)).hasValue(AuditAction.AUDIT_READ);
        assertThat(GatewayAuditRules.classify("GET", "/api/audit/gateway/verification", 200))
                .hasValue(AuditAction.AUDIT_READ);
        assertThat(GatewayAuditRules.classify("GET", "/api/audit/gateway", 403)).hasValue(AuditAction.DENIAL);
    }

    @Test
    void whatTheGatewayRoutesToAServiceTheServiceRecords() {
        assertThat(GatewayAuditRules.classify("POST", "/api/clues", 201)).isEmpty();
        assertThat(GatewayAuditRules.classify("GET", "/api/audit/case-service", 200))
                .isEmpty();
        assertThat(GatewayAuditRules.classify("POST", "/api/api-keys-elsewhere", 201))
                .isEmpty();
        assertThat(GatewayAuditRules.classify("OPTIONS", "/api/api-keys", 200)).isEmpty();
    }
}
