/**
 * The gateway's own audit trail (docs/audit.md): its API-key changes and the reads of the trail, chained like the
 * services' in the gateway's database, and served to the audit administrator as {@code /api/audit/gateway}.
 */
@NullMarked
package cn.wildlife.gateway.audit;

import org.jspecify.annotations.NullMarked;
