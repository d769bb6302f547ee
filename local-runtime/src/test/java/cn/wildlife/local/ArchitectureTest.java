package cn.wildlife.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The few structural rules, checked over every module (this module sees them all). */
class ArchitectureTest {

    private static final String[] SERVICES = {
        "cn.wildlife.caseservice..", "cn.wildlife.notification..", "cn.wildlife.inspection..", "cn.wildlife.gateway.."
    };

    // Imported once for the class: JUnit makes a new instance for each test.
    private static final JavaClasses PLATFORM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.wildlife");

    @Test
    void noServiceDependsOnAnotherServicesCode() {
        for (String service : SERVICES) {
            String[] others = java.util.Arrays.stream(SERVICES)
                    .filter(s -> !s.equals(service))
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage(service)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .check(PLATFORM);
        }
    }

    @Test
    void theDomainCoreUsesNoFrameworkOrDriver() {
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.apache.kafka..",
                        "com.mongodb..",
                        "org.bson..",
                        "tools.jackson..",
                        "com.fasterxml.jackson.databind..")
                .check(PLATFORM);
    }

    @Test
    void noServiceHasPackagesThatDependOnEachOtherBothWays() {
        for (String service : SERVICES) {
            slices().matching(service.replace("..", ".(*).."))
                    .should()
                    .beFreeOfCycles()
                    .check(PLATFORM);
        }
    }

    /**
     * A domain package holds the rules alone: it never uses its service's stores, controllers, listeners or
     * configuration (the framework and driver types are kept out by the rule above).
     */
    @Test
    void aDomainPackageUsesNothingOfItsServiceButOtherDomainPackages() {
        for (String service : SERVICES) {
            String root = service.substring(0, service.length() - 2);
            noClasses()
                    .that()
                    .resideInAPackage(root + "..domain..")
                    .should()
                    .dependOnClassesThat(DescribedPredicate.describe(
                            "its service's code outside a domain package",
                            (JavaClass c) -> c.getPackageName().startsWith(root)
                                    && !c.getPackageName().contains(".domain")))
                    .allowEmptyShould(true) // the gateway has no domain package
                    .check(PLATFORM);
        }
    }

    @Test
    void sharedModulesDependOnNoService() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "cn.wildlife.events..",
                        "cn.wildlife.security..",
                        "cn.wildlife.audit..",
                        "cn.wildlife.support..",
                        "cn.wildlife.embedded..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(SERVICES)
                .check(PLATFORM);
    }

    /** The audit chain is shared by the servlet services and the reactive gateway: it holds to neither. */
    @Test
    void theAuditChainUsesNoWebFramework() {
        noClasses()
                .that()
                .resideInAPackage("cn.wildlife.audit..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta.servlet..", "reactor..")
                .check(PLATFORM);
    }
}
