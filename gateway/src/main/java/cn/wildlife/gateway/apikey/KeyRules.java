package cn.wildlife.gateway.apikey;

import cn.wildlife.events.RegionCode;
import cn.wildlife.gateway.administrator.Administrator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who may do what with partner systems' API keys (三员分立). The system administrator issues keys, and a key's scope
 * never exceeds its issuer's: the issuer's own agency, a region in the issuer's subtree. The security administrator
 * narrows and revokes any key within their region, whatever its agency, and never widens one: a wider key could exceed
 * what its issuer was allowed to give. The audit administrator has nothing to do with keys.
 */
final class KeyRules {

    /** Why an action is refused: a problem type, the request's field it concerns (if one), and the reason. */
    record Refusal(String code, @Nullable String field, String zh, String en) {}

    private KeyRules() {}

    /** Issuing a key for {@code agency} in {@code region}: every field that exceeds the issuer's scope is named. */
    static List<Refusal> issuing(Administrator issuer, String agency, String region) {
        Optional<Refusal> role = acting(issuer, Administrator.SYSTEM_ADMIN);
        if (role.isPresent()) {
            return List.of(role.get());
        }
        List<Refusal> refusals = new ArrayList<>();
        if (!agency.equals(issuer.agency())) {
            refusals.add(new Refusal(
                    "api-key-outside-issuer-scope",
                    "agency",
                    "只能为本单位（" + issuer.agency() + "）签发密钥，不能为 " + agency + " 签发。",
                    "a key may only be issued for your own agency " + issuer.agency() + ", not " + agency));
        }
        if (!issuer.covers(region)) {
            refusals.add(new Refusal(
                    "api-key-outside-issuer-scope",
                    "region",
                    "区划 " + region + " 不在您的辖区 " + issuer.region() + " 内。",
                    "region " + region + " is outside your region " + issuer.region()));
        }
        return refusals;
    }

    /** Listing keys: the system administrator's and the security administrator's. */
    static Optional<Refusal> listing(Administrator caller) {
        if (caller.actsAs(Administrator.SYSTEM_ADMIN) || caller.actsAs(Administrator.SECURITY_ADMIN)) {
            return Optional.empty();
        }
        return caller.combinesRoles()
                ? acting(caller, Administrator.SYSTEM_ADMIN)
                : Optional.of(new Refusal(
                        "missing-role",
                        null,
                        "此操作需要 SYSTEM_ADMIN 或 SECURITY_ADMIN 角色。",
                        "this needs the role SYSTEM_ADMIN or SECURITY_ADMIN"));
    }

    /**
     * The keys a caller sees: the system administrator those of their agency within their region, which they issue;
     * the security administrator every key within their region, whose scopes they keep.
     */
    static boolean sees(Administrator caller, ApiKey key) {
        if (caller.actsAs(Administrator.SECURITY_ADMIN)) {
            return caller.covers(key.region());
        }
        return caller.actsAs(Administrator.SYSTEM_ADMIN)
                && key.agency().equals(caller.agency())
                && caller.covers(key.region());
    }

    /**
     * Narrowing or revoking a key: the security administrator's. A key outside their region is not theirs to see, so
     * the caller answers 404 for it ({@link #sees}).
     */
    static Optional<Refusal> changing(Administrator caller) {
        return acting(caller, Administrator.SECURITY_ADMIN);
    }

    /** A narrower scope: some of the key's operations, a region in the key's subtree. Each widening field is named. */
    static List<Refusal> narrowing(ApiKey key, Set<ApiKey.Operation> operations, String region) {
        List<Refusal> refusals = new ArrayList<>();
        if (!key.operations().containsAll(operations)) {
            refusals.add(new Refusal(
                    "api-key-scope-widened",
                    "operations",
                    "只能收窄密钥的权限：该密钥现有 " + key.operations() + "。",
                    "a key's operations may only be narrowed: it has " + key.operations()));
        }
        if (!new RegionCode(key.region()).contains(region)) {
            refusals.add(new Refusal(
                    "api-key-scope-widened",
                    "region",
                    "只能收窄密钥的区划：" + region + " 不在该密钥的区划 " + key.region() + " 内。",
                    "a key's region may only be narrowed: " + region + " is outside its region " + key.region()));
        }
        return refusals;
    }

    /** The caller acts as {@code duty}: holds it, and no other administrator's role. */
    static Optional<Refusal> acting(Administrator caller, String duty) {
        if (caller.combinesRoles()) {
            return Optional.of(new Refusal(
                    "administrator-roles-combined",
                    null,
                    "三员分立：一个令牌只能持有一种管理员角色，该令牌持有 " + caller.administratorRoles() + "，请在身份认证系统中为 " + caller.subject()
                            + " 只保留一种。",
                    "separation of duties (三员分立): a token may hold one administrator's role only; this one holds "
                            + caller.administratorRoles() + ", and the identity provider must keep one for "
                            + caller.subject()));
        }
        if (!caller.roles().contains(duty)) {
            return Optional.of(
                    new Refusal("missing-role", null, "此操作需要 " + duty + " 角色。", "this needs the role " + duty));
        }
        return Optional.empty();
    }
}
