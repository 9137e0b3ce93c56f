package dev.ordo.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine is Kafka Streams around the domain: no Spring, no database, no service module. */
class EngineBoundaryTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ordo.engine");

    @Test
    void the_engine_runs_without_spring_or_a_database() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                .check(CLASSES);
    }

    @Test
    void the_engine_knows_no_service_module() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.ordo.api..", "dev.ordo.worker..", "dev.ordo.projection..")
                .check(CLASSES);
    }

    @Test
    void the_engine_leaves_expressions_to_the_domain() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.cel..", "dev.ordo.expression..")
                .check(CLASSES);
    }
}
