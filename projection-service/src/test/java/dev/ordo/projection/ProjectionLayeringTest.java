package dev.ordo.projection;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The fold from events to rows is plain code, so a rebuild from the log gives the same rows. */
class ProjectionLayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ordo.projection");

    @Test
    void the_fold_reads_no_database_broker_or_clock() {
        noClasses().that().haveSimpleNameEndingWith("Fold")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "java.sql..")
                .orShould().callMethod(java.time.Instant.class, "now")
                .check(CLASSES);
    }

    @Test
    void the_service_knows_only_the_wire_contract_of_the_other_modules() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.ordo.domain..", "dev.ordo.engine..", "dev.ordo.api..", "dev.cel..",
                        "dev.ordo.worker..")
                .check(CLASSES);
    }

    @Test
    void a_rebuild_publishes_no_read_model_updates_and_the_read_model_knows_nothing_of_rebuilds() {
        noClasses().that().resideInAPackage("dev.ordo.projection.rebuild..")
                .should().dependOnClassesThat().resideInAPackage("dev.ordo.projection.updates..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("dev.ordo.projection.readmodel..")
                .should().dependOnClassesThat().resideInAPackage("dev.ordo.projection.rebuild..")
                .check(CLASSES);
    }

    @Test
    void the_read_model_knows_nothing_of_the_operations_around_it() {
        noClasses().that().resideInAPackage("dev.ordo.projection.readmodel..")
                .should().dependOnClassesThat().resideInAPackage("dev.ordo.projection.operations..")
                .check(CLASSES);
    }
}
