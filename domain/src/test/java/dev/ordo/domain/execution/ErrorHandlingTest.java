package dev.ordo.domain.execution;

import dev.ordo.contract.execution.StepStatus;
import static dev.ordo.domain.execution.Scenario.failed;
import static dev.ordo.domain.execution.Scenario.given;
import static dev.ordo.domain.execution.Scenario.running;
import static dev.ordo.domain.execution.Scenario.scheduled;
import static dev.ordo.domain.execution.Scenario.started;
import static dev.ordo.domain.execution.Scenario.succeeded;
import static dev.ordo.domain.execution.Scenario.successReported;
import static dev.ordo.domain.execution.Scenario.task;
import static dev.ordo.domain.execution.Scenario.terminalFailureReported;
import static dev.ordo.domain.execution.Scenario.withConfig;
import static dev.ordo.domain.execution.Scenario.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fail fast by default; {@code continue_on_error} lets independent branches finish. */
class ErrorHandlingTest {

    static final Map<String, Object> INPUT = Map.of();
    static final Map<String, Object> CONTINUE = Map.of("error_handling", "continue_on_error");

    @Test
    void by_default_the_first_permanent_failure_fails_the_execution_and_cancels_the_rest() {
        WorkflowSnapshot branches = workflow(task("a"), task("b"), task("a2", "a"), task("b2", "b"));
        Scenario scenario = given(started(branches, INPUT), scheduled("a", 1, INPUT), scheduled("b", 1, INPUT),
                running("b", 1))
                .when(terminalFailureReported("a", 1, "broken"));
        scenario.then(failed("a", 1, "broken", false), new ExecutionFailed("a", "Step 'a' failed: broken"));
        ExecutionState after = scenario.stateAfter();
        assertThat(after.step("b").status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(after.step("a2").status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(after.step("b2").status()).isEqualTo(StepStatus.CANCELLED);
    }

    @Test
    void with_continue_on_error_a_failure_leaves_the_independent_branch_running() {
        WorkflowSnapshot branches = workflow(3600, 0, CONTINUE, task("a"), task("b"), task("a2", "a"), task("b2", "b"));
        given(started(branches, INPUT), scheduled("a", 1, INPUT), scheduled("b", 1, INPUT))
                .when(terminalFailureReported("a", 1, "broken"))
                .then(failed("a", 1, "broken", false));
    }

    @Test
    void with_continue_on_error_the_execution_fails_once_the_independent_branch_finished() {
        WorkflowSnapshot branches = workflow(3600, 0, CONTINUE, task("a"), task("b"), task("a2", "a"), task("b2", "b"));
        Scenario scenario = given(started(branches, INPUT), scheduled("a", 1, INPUT), scheduled("b", 1, INPUT),
                failed("a", 1, "broken", false), succeeded("b", 1, Map.of("b", 1)), scheduled("b2", 1, Map.of("b", 1)))
                .when(successReported("b2", 1, Map.of()));
        scenario.then(succeeded("b2", 1, Map.of()), new ExecutionFailed("a", "Step 'a' failed: broken"));
        ExecutionState after = scenario.stateAfter();
        assertThat(after.step("b2").status()).isEqualTo(StepStatus.COMPLETED);
        assertThat(after.step("a2").status()).isEqualTo(StepStatus.CANCELLED);
    }

    @Test
    void a_step_can_ask_to_continue_on_error_under_a_fail_fast_workflow() {
        WorkflowSnapshot branches = workflow(withConfig(task("optional"), "error_handling", "continue_on_error"),
                task("main"));
        given(started(branches, INPUT), scheduled("optional", 1, INPUT), scheduled("main", 1, INPUT))
                .when(terminalFailureReported("optional", 1, "meh"))
                .then(failed("optional", 1, "meh", false));
    }

    @Test
    void a_step_can_ask_to_fail_fast_under_a_continue_on_error_workflow() {
        WorkflowSnapshot branches = workflow(3600, 0, CONTINUE, withConfig(task("critical"), "error_handling",
                "fail_fast"), task("other"));
        given(started(branches, INPUT), scheduled("critical", 1, INPUT), scheduled("other", 1, INPUT))
                .when(terminalFailureReported("critical", 1, "down"))
                .then(failed("critical", 1, "down", false), new ExecutionFailed("critical", "Step 'critical' failed: down"));
    }
}
