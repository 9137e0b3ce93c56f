package dev.ordo.expression;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Expressions are pure functions of their text and scope, and the module is a leaf beside the
 * contract: the domain and the workers use it, it uses neither.
 */
class ExpressionsArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ordo.expression");

    @Test
    void expressions_read_no_clock_and_no_random_source() {
        noClasses().should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .check(CLASSES);
    }

    @Test
    void expressions_know_the_contract_but_no_other_module_and_no_framework() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.ordo.domain..", "dev.ordo.engine..", "dev.ordo.api..", "dev.ordo.worker..",
                        "dev.ordo.projection..", "org.springframework..", "org.apache.kafka..")
                .check(CLASSES);
    }
}
