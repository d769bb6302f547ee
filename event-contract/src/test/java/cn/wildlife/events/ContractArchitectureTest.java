package cn.wildlife.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The contract is used by agency systems too: it depends on no service, on no Spring, and holds no broker
 * administration (topic creation lives in event-tools).
 */
class ContractArchitectureTest {

    private final JavaClasses contract = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.wildlife.events");

    @Test
    void contractDependsOnNoServiceNoSpringAndNoAdminClient() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "cn.wildlife.caseservice..",
                        "cn.wildlife.notification..",
                        "cn.wildlife.inspection..",
                        "cn.wildlife.gateway..",
                        "cn.wildlife.support..",
                        "cn.wildlife.local..",
                        "org.springframework..",
                        "org.apache.kafka.clients.admin..")
                .check(contract);
    }
}
