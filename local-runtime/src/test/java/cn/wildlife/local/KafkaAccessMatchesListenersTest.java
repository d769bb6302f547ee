package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wildlife.events.Topics;
import cn.wildlife.events.access.KafkaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The broker grants each service exactly what {@link KafkaAccess} lists: a listener whose topic or group is missing
 * there would be refused at run time, and one listed but unused would be a grant too many.
 */
class KafkaAccessMatchesListenersTest {

    private static final Map<String, String> SERVICE_PACKAGES = Map.of(
            "case-service", "cn.wildlife.caseservice",
            "notification-service", "cn.wildlife.notification",
            "inspection-service", "cn.wildlife.inspection");

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(SERVICE_PACKAGES.values().toArray(String[]::new));

    @Test
    void eachServiceReadsAndJoinsExactlyWhatItsPrincipalIsGranted() {
        SERVICE_PACKAGES.forEach((principal, pkg) -> {
            Set<String> groups = new TreeSet<>();
            Set<String> topics = new TreeSet<>();
            for (JavaMethod method : classes.stream()
                    .filter(c -> c.getPackageName().startsWith(pkg))
                    .flatMap(c -> c.getMethods().stream())
                    .toList()) {
                if (!method.isAnnotatedWith(KafkaListener.class)) {
                    continue;
                }
                KafkaListener listener = method.getAnnotationOfType(KafkaListener.class);
                assertThat(listener.groupId())
                        .as("%s: the listener's id is its group", method.getFullName())
                        .isEmpty();
                groups.add(listener.id());
                for (String topic : listener.topics()) {
                    topics.addAll(resolve(topic));
                }
            }
            KafkaAccess.ServiceUse granted = KafkaAccess.service(principal).orElseThrow();
            assertThat(groups)
                    .as(principal + "'s consumer groups")
                    .containsExactlyInAnyOrderElementsOf(granted.groups());
            assertThat(topics).as(principal + "'s topics").containsExactlyInAnyOrderElementsOf(granted.reads());
        });
    }

    /** A topic as written in the annotation: a name, or the catalogue's expression for every agency's topics. */
    private static Set<String> resolve(String topic) {
        if (topic.contains("allAgencyClueTopics")) {
            return Set.copyOf(Topics.allAgencyClueTopics());
        }
        if (topic.contains("allAgencyCaseTopics")) {
            return Set.copyOf(Topics.allAgencyCaseTopics());
        }
        assertThat(topic)
                .as("a topic named in a listener")
                .doesNotStartWith("#{")
                .doesNotStartWith("${");
        return Set.of(topic);
    }
}
