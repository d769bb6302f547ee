package cn.wildlife.embedded;

import cn.wildlife.events.access.KafkaAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.ResourceNotFoundException;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.apache.kafka.common.quota.ClientQuotaFilter;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.server.config.QuotaConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the broker the catalogue's principals: a SCRAM credential for each one that has a password in
 * {@link KafkaCredentials}, and exactly the ACLs and quotas {@link KafkaAccess} gives it. An agency system without a
 * password (revoked) has none of them. Everything here is idempotent, so it runs at every start.
 */
public final class KafkaAccessSetup {

    private static final Logger log = LoggerFactory.getLogger(KafkaAccessSetup.class);
    private static final int ITERATIONS = 8192;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private KafkaAccessSetup() {}

    /** Every principal's credential and ACLs as the credentials file says (revoked agencies removed). */
    public static void install(Map<String, Object> brokerClient, KafkaCredentials credentials) {
        try (Admin admin = admin(brokerClient)) {
            List<UserScramCredentialAlteration> users = new ArrayList<>();
            List<AclBinding> acls = new ArrayList<>();
            List<String> revoked = new ArrayList<>();
            for (String principal : KafkaAccess.allPrincipals()) {
                var password = credentials.password(principal);
                if (password.isPresent()) {
                    users.add(upsertion(principal, password.get()));
                    acls.addAll(KafkaAccess.bindings(principal));
                } else {
                    revoked.add(principal);
                }
            }
            wait(admin.alterUserScramCredentials(users).all());
            wait(admin.createAcls(acls).all());
            // Exactly the catalogue's ACLs, no more: one an earlier catalogue granted, one for a principal the
            // catalogue
            // does not know, or one for everyone (User:*) would quietly widen the door.
            List<AclBindingFilter> stale = new ArrayList<>();
            for (AclBinding present :
                    wait(admin.describeAcls(AclBindingFilter.ANY).values())) {
                if (!acls.contains(present)) {
                    log.warn("Removing an ACL the catalogue does not grant: {}", present);
                    stale.add(present.toFilter());
                }
            }
            if (!stale.isEmpty()) {
                wait(admin.deleteAcls(stale).all());
            }
            for (String principal : revoked) {
                remove(admin, principal);
            }
            installQuotas(admin);
            for (String user : wait(admin.describeUserScramCredentials().all()).keySet()) {
                if (!KafkaAccess.allPrincipals().contains(user)) {
                    log.warn("Removing the SCRAM credential of '{}', a principal the catalogue does not know", user);
                    remove(admin, user);
                }
            }
        }
    }

    /** Gives a principal a (new) credential and its ACLs on a running broker. */
    public static void grant(Map<String, Object> brokerClient, String principal, String password) {
        try (Admin admin = admin(brokerClient)) {
            wait(admin.alterUserScramCredentials(List.of(upsertion(principal, password)))
                    .all());
            wait(admin.createAcls(KafkaAccess.bindings(principal)).all());
            wait(admin.alterClientQuotas(List.of(quotaOf(principal, KafkaAccess.quota(principal))))
                    .all());
        }
    }

    /**
     * Exactly the catalogue's quotas: each principal's own, and none for a user or client the catalogue does not
     * name (a quota set by hand would quietly slow a service, or lift an agency's).
     */
    private static void installQuotas(Admin admin) {
        Map<ClientQuotaEntity, ClientQuotaAlteration> alterations = new HashMap<>();
        for (ClientQuotaEntity present : wait(admin.describeClientQuotas(ClientQuotaFilter.all())
                        .entities())
                .keySet()) {
            alterations.put(present, quotaOf(present, Optional.empty()));
        }
        for (String principal : KafkaAccess.allPrincipals()) {
            ClientQuotaAlteration own = quotaOf(principal, KafkaAccess.quota(principal));
            alterations.put(own.entity(), own);
        }
        wait(admin.alterClientQuotas(alterations.values()).all());
    }

    private static ClientQuotaAlteration quotaOf(String principal, Optional<KafkaAccess.Quota> quota) {
        return quotaOf(new ClientQuotaEntity(Map.of(ClientQuotaEntity.USER, principal)), quota);
    }

    /** The alteration setting a quota, or removing every rate an entity has when there is none. */
    private static ClientQuotaAlteration quotaOf(ClientQuotaEntity entity, Optional<KafkaAccess.Quota> quota) {
        return new ClientQuotaAlteration(
                entity,
                List.of(
                        new ClientQuotaAlteration.Op(
                                QuotaConfig.PRODUCER_BYTE_RATE_OVERRIDE_CONFIG,
                                quota.map(q -> (double) q.produceBytesPerSecond())
                                        .orElse(null)),
                        new ClientQuotaAlteration.Op(
                                QuotaConfig.CONSUMER_BYTE_RATE_OVERRIDE_CONFIG,
                                quota.map(q -> (double) q.fetchBytesPerSecond()).orElse(null)),
                        new ClientQuotaAlteration.Op(QuotaConfig.REQUEST_PERCENTAGE_OVERRIDE_CONFIG, null)));
    }

    /**
     * Takes a principal's ACLs and credential away on a running broker: its next request is refused at once (the
     * broker authorizes every request), and its connection when it next authenticates.
     */
    public static void revoke(Map<String, Object> brokerClient, String principal) {
        try (Admin admin = admin(brokerClient)) {
            remove(admin, principal);
        }
    }

    private static void remove(Admin admin, String principal) {
        wait(admin.deleteAcls(List.of(new AclBindingFilter(
                        ResourcePatternFilter.ANY,
                        new AccessControlEntryFilter(
                                KafkaAccess.user(principal), null, AclOperation.ANY, AclPermissionType.ANY))))
                .all());
        try {
            wait(admin.alterUserScramCredentials(
                            List.of(new UserScramCredentialDeletion(principal, ScramMechanism.SCRAM_SHA_512)))
                    .all());
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof ResourceNotFoundException)) {
                throw e;
            }
        }
    }

    private static UserScramCredentialUpsertion upsertion(String principal, String password) {
        return new UserScramCredentialUpsertion(
                principal, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), password);
    }

    private static Admin admin(Map<String, Object> brokerClient) {
        Map<String, Object> props = new HashMap<>(brokerClient);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "wildlife-access-setup");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        return Admin.create(props);
    }

    private static <T> T wait(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up Kafka's users and ACLs", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "cannot set up Kafka's users and ACLs: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not set up its users and ACLs within " + TIMEOUT, e);
        }
    }
}
