package dev.ordo.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionStarted;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.domain.execution.ExecutionState;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The domain stays free of frameworks and of the engine, decisions never read a clock or dice, the
 * rules are applied only through the Decider, and only evolve (or the unknown and finished
 * factories) makes a state.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ordo.domain");

    @Test
    void the_domain_depends_on_no_framework_broker_or_database() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "java.sql..", "javax.sql..")
                .check(CLASSES);
    }

    @Test
    void the_domain_knows_the_contract_but_no_service_and_not_the_engine() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.ordo.engine..", "dev.ordo.api..", "dev.ordo.worker..", "dev.ordo.projection..")
                .check(CLASSES);
    }

    @Test
    void decisions_read_no_clock_and_no_random_source() {
        noClasses().that().resideInAnyPackage("dev.ordo.domain.execution..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .check(CLASSES);
    }

    @Test
    void only_the_expressions_module_knows_the_expression_library() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.cel..", "com.google.protobuf..")
                .check(CLASSES);
    }

    @Test
    void only_the_decider_applies_the_rules_so_no_other_decide_fold_number_loop_exists() {
        noClasses().that().resideInAPackage("dev.ordo.domain.execution")
                .and().doNotHaveSimpleName("Decider").and().doNotHaveSimpleName("Rules")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.ordo.domain.execution.Rules")
                .check(CLASSES);
    }

    @Test
    void states_are_made_only_by_evolve_and_the_state_factories() {
        noClasses().that().doNotHaveFullyQualifiedName(ExecutionState.class.getName())
                .should().callConstructor(ExecutionState.class, java.util.UUID.class, ExecutionStatus.class, long.class,
                        ExecutionStarted.class, java.util.Map.class, ExecutionEvent.ExecutionRetried.class)
                .check(CLASSES);
    }
}
