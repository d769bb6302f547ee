package cn.wildlife.faults;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The fault suite breaks the platform from outside: it starts the parts as processes and counts effects in the
 * stores and topics. It uses the event contract and the embedded infrastructure's credentials, never a service's or
 * the local runtime's code (which would run in the suite's JVM instead of the process it kills).
 */
class FaultTestsArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.wildlife.faults");

    @Test
    void usesNoServiceOrRuntimeCode() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "cn.wildlife.caseservice..",
                        "cn.wildlife.notification..",
                        "cn.wildlife.inspection..",
                        "cn.wildlife.gateway..",
                        "cn.wildlife.local..",
                        "cn.wildlife.support..")
                .check(classes);
    }
}
