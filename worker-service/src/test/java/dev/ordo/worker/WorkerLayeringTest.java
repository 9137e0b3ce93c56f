package dev.ordo.worker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Step handlers are plain code: the Kafka adapter around them stays outside. The adapter (task loop
 * and reports) is plain Kafka client code that Spring only wires. Of the other modules the worker
 * knows the wire contract and the expressions (for {@code data_transformation}), not CEL itself.
 */
class WorkerLayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ordo.worker");

    @Test
    void handlers_know_nothing_of_kafka() {
        noClasses().that().resideInAPackage("dev.ordo.worker.handlers..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
                .check(CLASSES);
    }

    @Test
    void the_task_loop_and_the_reports_know_nothing_of_spring() {
        noClasses().that().resideInAnyPackage("dev.ordo.worker.tasks..", "dev.ordo.worker.reports..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(CLASSES);
    }

    @Test
    void the_service_knows_only_the_wire_contract_and_the_expressions_of_the_other_modules() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.ordo.domain..", "dev.ordo.engine..", "dev.ordo.api..", "dev.cel..",
                        "com.google.protobuf..", "dev.ordo.projection..")
                .check(CLASSES);
    }
}
