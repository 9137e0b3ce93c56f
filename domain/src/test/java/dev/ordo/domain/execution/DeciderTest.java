package dev.ordo.domain.execution;

import dev.ordo.contract.execution.StepStatus;
import static dev.ordo.domain.execution.Scenario.cancel;
import static dev.ordo.domain.execution.Scenario.failureReported;
import static dev.ordo.domain.execution.Scenario.given;
import static dev.ordo.domain.execution.Scenario.running;
import static dev.ordo.domain.execution.Scenario.scheduled;
import static dev.ordo.domain.execution.Scenario.start;
import static dev.ordo.domain.execution.Scenario.startReported;
import static dev.ordo.domain.execution.Scenario.started;
import static dev.ordo.domain.execution.Scenario.structural;
import static dev.ordo.domain.execution.Scenario.succeeded;
import static dev.ordo.domain.execution.Scenario.successReported;
import static dev.ordo.domain.execution.Scenario.task;
import static dev.ordo.domain.execution.Scenario.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCancelled;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRejected;
import dev.ordo.contract.execution.ExecutionEvent.StepFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepStarted;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeciderTest {

    static final WorkflowSnapshot SEQUENCE = workflow(task("prepare"), task("process", "prepare"),
            task("finalize", "process"));
    static final Map<String, Object> INPUT = Map.of("order", 42);

    @Nested
    class Starting {

        @Test
        void a_new_execution_schedules_its_entry_steps_with_the_input_variables() {
            given()
                    .when(start(SEQUENCE, INPUT))
                    .then(started(SEQUENCE, INPUT), scheduled("prepare", 1, INPUT));
        }

        @Test
        void independent_entry_steps_are_scheduled_together() {
            WorkflowSnapshot fanOut = workflow(task("a"), task("b"), task("join", "a", "b"));
            given()
                    .when(start(fanOut, INPUT))
                    .then(started(fanOut, INPUT), scheduled("a", 1, INPUT), scheduled("b", 1, INPUT));
        }

        @Test
        void structural_steps_complete_without_a_worker() {
            WorkflowSnapshot marked = workflow(structural("parallel", "fan"), task("work", "fan"));
            given()
                    .when(start(marked, INPUT))
                    .then(started(marked, INPUT), succeeded("fan", 0, Map.of()), scheduled("work", 1, Map.of()));
        }

        @Test
        void a_workflow_without_steps_completes_at_once() {
            WorkflowSnapshot empty = workflow();
            given().when(start(empty, INPUT)).then(started(empty, INPUT), new ExecutionCompleted());
        }

        @Test
        void a_second_start_for_the_same_execution_is_rejected() {
            given(started(SEQUENCE, INPUT), scheduled("prepare", 1, INPUT))
                    .when(start(SEQUENCE, INPUT))
                    .thenRejected("to be new, but it is running");
        }

        @Test
        void a_start_whose_dependency_names_no_step_is_rejected_so_the_execution_reads_failed() {
            Scenario scenario = given().when(start(workflow(task("a", "ghost")), INPUT));
            scenario.then(new ExecutionRejected(Scenario.WORKFLOW, 1, Scenario.WORKSPACE, null,
                    "Expected step 'a' to depend on a step of the workflow, but 'ghost' is not one"));
            assertThat(scenario.stateAfter().status()).isEqualTo(dev.ordo.contract.execution.ExecutionStatus.FAILED);
        }
    }

    @Nested
    class Progressing {

        @Test
        void a_start_report_marks_the_attempt_running() {
            given(started(SEQUENCE, INPUT), scheduled("prepare", 1, INPUT))
                    .when(startReported("prepare", 1))
                    .then(new StepStarted("prepare", 1, "worker-1"));
        }

        @Test
        void a_success_schedules_the_next_step_with_the_output_as_input() {
            given(started(SEQUENCE, INPUT), scheduled("prepare", 1, INPUT), running("prepare", 1))
                    .when(successReported("prepare", 1, Map.of("prepared", true)))
                    .then(succeeded("prepare", 1, Map.of("prepared", true)),
                            scheduled("process", 1, Map.of("prepared", true)));
        }

        @Test
        void the_last_success_completes_the_execution() {
            given(started(SEQUENCE, INPUT),
                    scheduled("prepare", 1, INPUT), succeeded("prepare", 1, Map.of()),
                    scheduled("process", 1, Map.of()), succeeded("process", 1, Map.of()),
                    scheduled("finalize", 1, Map.of()), running("finalize", 1))
                    .when(successReported("finalize", 1, Map.of("done", true)))
                    .then(succeeded("finalize", 1, Map.of("done", true)), new ExecutionCompleted());
        }

        @Test
        void a_join_waits_for_every_branch() {
            WorkflowSnapshot diamond = workflow(task("a"), task("b"), task("join", "a", "b"));
            given(started(diamond, INPUT), scheduled("a", 1, INPUT), scheduled("b", 1, INPUT))
                    .when(successReported("a", 1, Map.of("x", 1)))
                    .then(succeeded("a", 1, Map.of("x", 1)));
        }

        @Test
        void a_join_receives_every_branch_output_merged() {
            WorkflowSnapshot diamond = workflow(task("a"), task("b"), task("join", "a", "b"));
            given(started(diamond, INPUT), scheduled("a", 1, INPUT), scheduled("b", 1, INPUT),
                    succeeded("a", 1, Map.of("x", 1)))
                    .when(successReported("b", 1, Map.of("y", 2)))
                    .then(succeeded("b", 1, Map.of("y", 2)), scheduled("join", 1, Map.of("x", 1, "y", 2)));
        }

        @Test
        void a_failure_fails_the_execution_and_cancels_the_rest() {
            Scenario scenario = given(started(SEQUENCE, INPUT), scheduled("prepare", 1, INPUT), running("prepare", 1))
                    .when(failureReported("prepare", 1, "disk full"));
            scenario.then(new StepFailed("prepare", 1, "disk full", true),
                    new ExecutionFailed("prepare", "Step 'prepare' failed: disk full"));
            assertThat(scenario.stateAfter().step("finalize").status()).isEqualTo(StepStatus.CANCELLED);
        }
    }

    @Nested
    class Fencing {

        @Test
        void a_duplicate_success_report_is_rejected() {
            given(started(SEQUENCE, INPUT), scheduled("prepare", 1, INPUT), succeeded("prepare", 1, Map.of()),
                    scheduled("process", 1, Map.of()))
                    .when(successReported("prepare", 1, Map.of()))
                    .thenRejected("to be in flight, but it is completed");
        }

        @Test
        void a_report_for_another_attempt_is_rejected() {
            given(started(SEQUENCE, INPUT), scheduled("prepare", 1, INPUT))
                    .when(successReported("prepare", 2, Map.of()))
                    .thenRejected("attempt 1, but it is for attempt 2");
        }

        @Test
        void a_report_for_a_step_not_yet_scheduled_is_rejected() {
            given(started(SEQUENCE, INPUT), scheduled("prepare", 1, INPUT))
                    .when(successReported("process", 1, Map.of()))
                    .thenRejected("attempt 0, but it is for attempt 1");
        }

        @Test
        void a_report_for_an_unknown_step_is_rejected() {
            given(started(SEQUENCE, INPUT)).when(startReported("ghost", 1)).thenRejected("has none");
        }

        @Test
        void a_second_start_report_is_rejected() {
            given(started(SEQUENCE, INPUT), scheduled("prepare", 1, INPUT), running("prepare", 1))
                    .when(startReported("prepare", 1))
                    .thenRejected("already running");
        }

        @Test
        void a_report_after_cancel_is_rejected() {
            given(started(SEQUENCE, INPUT), scheduled("prepare", 1, INPUT), new ExecutionCancelled("stop"))
                    .when(successReported("prepare", 1, Map.of()))
                    .thenRejected("to be running, but it is cancelled");
        }

        @Test
        void a_report_for_an_execution_never_started_is_ignored_as_there_is_no_log_to_record_it_in() {
            given().when(startReported("prepare", 1)).thenIgnored("No execution " + Scenario.EXECUTION
                    + " to record StepStartedReport in: Expected execution " + Scenario.EXECUTION
                    + " to be running, but it is unknown");
        }
    }

    @Nested
    class Cancelling {

        @Test
        void a_running_execution_is_cancelled_and_its_unfinished_steps_with_it() {
            Scenario scenario = given(started(SEQUENCE, INPUT), scheduled("prepare", 1, INPUT), running("prepare", 1))
                    .when(cancel());
            scenario.then(new ExecutionCancelled("user asked"));
            assertThat(scenario.stateAfter().steps().values()).allMatch(s -> s.status() == StepStatus.CANCELLED);
        }

        @Test
        void a_finished_execution_cannot_be_cancelled() {
            given(started(workflow(), INPUT), new ExecutionCompleted())
                    .when(cancel())
                    .thenRejected("to be running, but it is completed");
        }
    }

    @Test
    void the_state_counts_every_event_applied_so_its_version_is_the_last_sequence() {
        ExecutionState state = given(started(SEQUENCE, INPUT), scheduled("prepare", 1, INPUT))
                .when(cancel()).stateAfter();
        assertThat(state.version()).isEqualTo(3);
    }
}
