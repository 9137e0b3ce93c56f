package dev.ordo.domain.execution;

import static dev.ordo.domain.execution.Scenario.WORKFLOW;
import static dev.ordo.domain.execution.Scenario.WORKSPACE;
import static dev.ordo.domain.execution.Scenario.given;
import static dev.ordo.domain.execution.Scenario.scheduled;
import static dev.ordo.domain.execution.Scenario.start;
import static dev.ordo.domain.execution.Scenario.started;
import static dev.ordo.domain.execution.Scenario.successReported;
import static dev.ordo.domain.execution.Scenario.task;
import static dev.ordo.domain.execution.Scenario.withCondition;
import static dev.ordo.domain.execution.Scenario.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionCommand.StartExecution;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRejected;
import dev.ordo.contract.execution.ExecutionEvent.IncidentRecorded;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A defect met while deciding (here a list index too large for an int, which throws inside the
 * reference resolver) is recorded for that one execution instead of escaping to the engine.
 */
class IncidentsTest {

    /** Reading element 99999999999 of a list throws NumberFormatException in the resolver today. */
    static final String THROWING_CONDITION = "${steps.check.output.items.99999999999} == 1";
    static final String THROWN = "NumberFormatException: For input string: \"99999999999\"";

    static final WorkflowSnapshot GUARDED = workflow(task("check"), withCondition(task("ship", "check"), THROWING_CONDITION));

    @Test
    void a_condition_that_throws_records_an_incident_and_fails_the_running_execution() {
        Scenario scenario = given(started(GUARDED, Map.of()), scheduled("check", 1, Map.of()))
                .when(successReported("check", 1, Map.of("items", List.of(1, 2))));
        scenario.then(new IncidentRecorded("StepSucceededReport", "check", THROWN),
                new ExecutionFailed("check", "Engine incident while handling StepSucceededReport: " + THROWN));
        ExecutionState after = scenario.stateAfter();
        assertThat(after.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(after.step("check").status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(after.step("ship").status()).isEqualTo(StepStatus.CANCELLED);
    }

    @Test
    void a_start_whose_entry_condition_throws_is_rejected_so_the_execution_reads_failed() {
        WorkflowSnapshot flow = workflow(withCondition(task("ship"), "${items.99999999999} == 1"));
        Scenario scenario = given().when(start(flow, Map.of("items", List.of(1))));
        scenario.then(new ExecutionRejected(WORKFLOW, 1, WORKSPACE, null,
                "Engine incident while handling StartExecution: " + THROWN));
        assertThat(scenario.stateAfter().status()).isEqualTo(ExecutionStatus.FAILED);
    }

    @Test
    void a_start_without_a_definition_is_rejected_with_what_went_wrong() {
        StartExecution broken = new StartExecution(Scenario.EXECUTION, WORKFLOW, 3, WORKSPACE, null, null, Map.of(),
                Scenario.NOW);
        List<ExecutionEvent> recorded = given().when(broken).recorded();
        assertThat(recorded).hasSize(1).first().isInstanceOfSatisfying(ExecutionRejected.class, rejected -> {
            assertThat(rejected.workflowId()).isEqualTo(WORKFLOW);
            assertThat(rejected.workflowVersion()).isEqualTo(3);
            assertThat(rejected.reason()).startsWith("Engine incident while handling StartExecution: NullPointerException");
        });
    }
}
