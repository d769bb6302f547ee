package cn.wildlife.events.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.events.Agency;
import cn.wildlife.events.Topics;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class KafkaAccessTest {

    @Test
    void anAgencyWritesOnlyItsOwnTopicPairAndReadsOnlyItsOwnDeadLetters() {
        for (Agency agency : Arrays.stream(Agency.values())
                .filter(Agency::publishesOwnTopics)
                .toList()) {
            List<AclBinding> bindings = KafkaAccess.bindings(KafkaAccess.agencyPrincipal(agency));

            assertThat(topics(bindings, AclOperation.WRITE))
                    .containsExactlyInAnyOrder(Topics.agencyClues(agency), Topics.agencyCases(agency));
            assertThat(topics(bindings, AclOperation.READ))
                    .containsExactlyInAnyOrder(
                            Topics.deadLetter(Topics.agencyClues(agency)),
                            Topics.deadLetter(Topics.agencyCases(agency)));
        }
    }

    @Test
    void anAgencySystemIsHeldToOneLargestEventASecondAndTheServicesToNothing() {
        for (String agency : KafkaAccess.agencyPrincipals()) {
            assertThat(KafkaAccess.quota(agency))
                    .contains(new KafkaAccess.Quota(Topics.MAX_EVENT_BYTES, Topics.MAX_EVENT_BYTES));
        }
        for (String other : List.of(KafkaAccess.ADMIN, "case-service", "notification-service", "inspection-service")) {
            assertThat(KafkaAccess.quota(other)).as(other).isEmpty();
        }
    }

    @Test
    void onlyAllowsAreGrantedAndNothingToEveryone() {
        for (String principal : KafkaAccess.allPrincipals()) {
            for (AclBinding binding : KafkaAccess.bindings(principal)) {
                assertThat(binding.entry().permissionType()).isEqualTo(AclPermissionType.ALLOW);
                assertThat(binding.entry().principal()).isEqualTo("User:" + principal);
                assertThat(binding.pattern().name()).isNotEqualTo("*");
            }
        }
    }

    @Test
    void noAgencyCanWriteAPlatformTopic() {
        Set<String> writtenByAgencies = KafkaAccess.agencyPrincipals().stream()
                .flatMap(p -> topics(KafkaAccess.bindings(p), AclOperation.WRITE).stream())
                .collect(Collectors.toSet());

        assertThat(writtenByAgencies).noneMatch(t -> t.startsWith("platform."));
    }

    @Test
    void everyCatalogueTopicHasExactlyTheWriterTheCatalogueNames() {
        for (Topics.Topic topic : Topics.catalogue()) {
            List<String> writers = KafkaAccess.allPrincipals().stream()
                    .filter(p ->
                            topics(KafkaAccess.bindings(p), AclOperation.WRITE).contains(topic.name()))
                    .toList();
            String expected = Topics.agencyOf(topic.name())
                    .map(KafkaAccess::agencyPrincipal)
                    .orElse(topic.writer());
            assertThat(writers).as(topic.name()).containsExactly(expected);
        }
    }

    @Test
    void aServiceWritesTheDeadLetterTwinOfEveryTopicItReads() {
        for (KafkaAccess.ServiceUse service : KafkaAccess.SERVICES) {
            Set<String> writes = topics(KafkaAccess.bindings(service.principal()), AclOperation.WRITE);
            service.reads().forEach(t -> assertThat(writes).contains(Topics.deadLetter(t)));
            assertThat(writes).noneMatch(t -> t.startsWith("agency.") && !Topics.isDeadLetter(t));
        }
    }

    @Test
    void clientSettingsNameTheMechanismAndThePrincipal() {
        var props = KafkaAccess.clientProperties("localhost:9092", "SASL_PLAINTEXT", "agency-forestry", "secret");

        assertThat(props)
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat((String) props.get("sasl.jaas.config"))
                .contains("username=\"agency-forestry\"", "password=\"secret\"");
    }

    private static Set<String> topics(List<AclBinding> bindings, AclOperation operation) {
        return bindings.stream()
                .filter(b -> b.pattern().resourceType() == ResourceType.TOPIC)
                .filter(b -> b.entry().operation() == operation)
                .map(b -> b.pattern().name())
                .collect(Collectors.toSet());
    }
}
