package cn.wildlife.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The benchmark measures the platform from outside, as a user would: through Kafka, REST and the stores. It may call
 * a service's pure rules (the deadline arithmetic it times with JMH) but nothing else of a service's code.
 */
class BenchmarkArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.wildlife.bench");

    @Test
    void usesNoServiceCodeButItsDomainRules() {
        noClasses()
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "a service's code outside its domain packages",
                        c -> isService(c.getPackageName())
                                && !c.getPackageName().contains(".domain")))
                .check(classes);
    }

    static boolean isService(String pkg) {
        return pkg.startsWith("cn.wildlife.caseservice")
                || pkg.startsWith("cn.wildlife.notification")
                || pkg.startsWith("cn.wildlife.inspection")
                || pkg.startsWith("cn.wildlife.gateway")
                || pkg.startsWith("cn.wildlife.local");
    }
}
