package dev.ordo.domain.execution;

import static dev.ordo.domain.execution.Scenario.EXECUTION;
import static dev.ordo.domain.execution.Scenario.cancel;
import static dev.ordo.domain.execution.Scenario.executionDeadlineReached;
import static dev.ordo.domain.execution.Scenario.givenStored;
import static dev.ordo.domain.execution.Scenario.heartbeatReported;
import static dev.ordo.domain.execution.Scenario.start;
import static dev.ordo.domain.execution.Scenario.successReported;
import static dev.ordo.domain.execution.Scenario.task;
import static dev.ordo.domain.execution.Scenario.time;
import static dev.ordo.domain.execution.Scenario.seconds;
import static dev.ordo.domain.execution.Scenario.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.contract.execution.ExecutionEvent.CommandRejected;
import dev.ordo.contract.execution.ExecutionStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A finished execution whose full state left the engine is remembered by its tombstone (id, final
 * status, last sequence): whatever arrives later is rejected with the next sequence, never run.
 */
class FinishedExecutionsTest {

    static final ExecutionState TOMBSTONE = ExecutionState.finished(EXECUTION, ExecutionStatus.COMPLETED, 9);

    @Test
    void a_redelivered_start_is_rejected_with_the_next_sequence_and_never_runs_again() {
        Scenario scenario = givenStored(TOMBSTONE).when(start(workflow(task("a")), Map.of()));
        Outcome.Recorded recorded = scenario.then(new CommandRejected("StartExecution", null, null,
                "Expected execution " + EXECUTION + " to be new, but it is completed"));
        assertThat(recorded.events().get(0).sequence()).isEqualTo(10);
        assertThat(recorded.tasks()).isEmpty();
        assertThat(recorded.finishedNow()).isFalse();
        assertThat(recorded.state()).isEqualTo(ExecutionState.finished(EXECUTION, ExecutionStatus.COMPLETED, 10));
    }

    @Test
    void a_late_report_is_still_recorded_as_a_rejection() {
        givenStored(TOMBSTONE).when(successReported("a", 1, Map.of()))
                .then(new CommandRejected("StepSucceededReport", "a", 1,
                        "Expected execution " + EXECUTION + " to be running, but it is completed"));
        givenStored(TOMBSTONE).when(heartbeatReported("a", 1)).thenRejected("to be running, but it is completed");
    }

    @Test
    void a_cancel_is_rejected() {
        givenStored(TOMBSTONE).when(cancel()).thenRejected("to be running, but it is completed");
    }

    @Test
    void a_timer_left_over_is_moot() {
        givenStored(TOMBSTONE).at(seconds(60)).when(executionDeadlineReached(time(seconds(60)))).thenIgnored("moot");
    }

    @Test
    void only_a_terminal_status_makes_a_tombstone() {
        assertThatThrownBy(() -> ExecutionState.finished(EXECUTION, ExecutionStatus.RUNNING, 3))
                .hasMessage("Expected a terminal status for a finished execution, but it is RUNNING");
    }
}
