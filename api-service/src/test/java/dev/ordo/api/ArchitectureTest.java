package dev.ordo.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/**
 * Capabilities depend one way: executions on definitions, definitions on workspaces, all on web;
 * execution commands on execution queries, never the other way; the engine stands apart from all
 * of them; controllers stay thin.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ordo.api");

    @Test
    void web_knows_no_capability() {
        noClasses().that().resideInAPackage("dev.ordo.api.web..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ordo.api.definitions..",
                        "dev.ordo.api.workspaces..", "dev.ordo.api.executions..", "dev.ordo.api.engine..",
                        "dev.ordo.api.access..")
                .check(CLASSES);
    }

    @Test
    void workspaces_know_nothing_of_workflows_or_executions() {
        noClasses().that().resideInAPackage("dev.ordo.api.workspaces..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ordo.api.definitions..",
                        "dev.ordo.api.executions..", "dev.ordo.api.engine..", "dev.ordo.api.access..")
                .check(CLASSES);
    }

    /** Access control confines requests to a workspace; it never reaches into what a workspace holds. */
    @Test
    void access_control_knows_workspaces_but_no_workflows_or_executions() {
        noClasses().that().resideInAPackage("dev.ordo.api.access..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ordo.api.definitions..",
                        "dev.ordo.api.executions..", "dev.ordo.api.engine..")
                .check(CLASSES);
    }

    @Test
    void definitions_know_nothing_of_executions_or_the_engine() {
        noClasses().that().resideInAPackage("dev.ordo.api.definitions..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ordo.api.executions..", "dev.ordo.api.engine..")
                .check(CLASSES);
    }

    /** Reads, history and statistics only read: they never reach the command side or the outbox. */
    @Test
    void execution_queries_write_no_commands() {
        noClasses().that().resideInAnyPackage("dev.ordo.api.executions.reads..", "dev.ordo.api.executions.history..",
                        "dev.ordo.api.executions.stats..")
                .should().dependOnClassesThat().resideInAPackage("dev.ordo.api.executions")
                .orShould().dependOnClassesThat().haveSimpleName("CommandOutbox")
                .check(CLASSES);
    }

    @Test
    void the_engine_knows_nothing_of_the_http_api_or_the_database() {
        noClasses().that().resideInAPackage("dev.ordo.api.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ordo.api.definitions..",
                        "dev.ordo.api.executions..", "dev.ordo.api.workspaces..", "dev.ordo.api.web..",
                        "org.springframework.jdbc..", "org.springframework.web..")
                .check(CLASSES);
    }

    @Test
    void controllers_reach_the_database_and_the_broker_only_through_services() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..",
                        "org.springframework.kafka..", "org.apache.kafka..")
                .check(CLASSES);
    }
}
