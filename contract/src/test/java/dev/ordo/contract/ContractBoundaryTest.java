package dev.ordo.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The wire contract is data and its codec: no rules, no framework, nothing of any other module. */
class ContractBoundaryTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ordo.contract");

    @Test
    void the_contract_depends_on_no_other_module_of_ordo() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.ordo.domain..", "dev.ordo.engine..", "dev.ordo.api..", "dev.ordo.worker..",
                        "dev.ordo.projection..", "dev.ordo.expression..")
                .check(CLASSES);
    }

    @Test
    void the_contract_depends_on_no_framework_broker_database_or_expression_library() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "java.sql..", "javax.sql..",
                        "dev.cel..", "com.google..")
                .check(CLASSES);
    }
}
