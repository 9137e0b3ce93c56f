package dev.ordo.domain.execution;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepStatus;
import static dev.ordo.domain.execution.Scenario.PLAIN_BACKOFF;
import static dev.ordo.domain.execution.Scenario.cancel;
import static dev.ordo.domain.execution.Scenario.startReported;
import static dev.ordo.domain.execution.Scenario.deadlineReached;
import static dev.ordo.domain.execution.Scenario.executionDeadlineReached;
import static dev.ordo.domain.execution.Scenario.given;
import static dev.ordo.domain.execution.Scenario.retryScheduled;
import static dev.ordo.domain.execution.Scenario.running;
import static dev.ordo.domain.execution.Scenario.scheduled;
import static dev.ordo.domain.execution.Scenario.seconds;
import static dev.ordo.domain.execution.Scenario.start;
import static dev.ordo.domain.execution.Scenario.started;
import static dev.ordo.domain.execution.Scenario.succeeded;
import static dev.ordo.domain.execution.Scenario.successReported;
import static dev.ordo.domain.execution.Scenario.task;
import static dev.ordo.domain.execution.Scenario.time;
import static dev.ordo.domain.execution.Scenario.timedOut;
import static dev.ordo.domain.execution.Scenario.withRetries;
import static dev.ordo.domain.execution.Scenario.withTimeout;
import static dev.ordo.domain.execution.Scenario.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionEvent.CommandRejected;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionTimedOut;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TimeoutsTest {

    static final Map<String, Object> INPUT = Map.of("order", 42);
    static final WorkflowSnapshot SLOW = workflow(60, 0, PLAIN_BACKOFF,
            withRetries(withTimeout(task("fetch"), 30), 1), task("store", "fetch"));

    @Nested
    class StepAttempts {

        @Test
        void an_attempt_is_scheduled_with_its_deadline() {
            given()
                    .when(start(SLOW, INPUT))
                    .then(started(SLOW, INPUT), scheduled("fetch", 1, INPUT, time(seconds(30))));
        }

        @Test
        void an_attempt_in_flight_at_its_deadline_times_out_and_is_retried() {
            given(started(SLOW, INPUT), scheduled("fetch", 1, INPUT, time(seconds(30))), running("fetch", 1))
                    .at(seconds(30))
                    .when(deadlineReached("fetch", 1, time(seconds(30))))
                    .then(timedOut("fetch", 1, 30), retryScheduled("fetch", 2, seconds(30), seconds(1)));
        }

        @Test
        void the_last_attempt_timing_out_fails_the_execution_and_leaves_the_step_timed_out() {
            Scenario scenario = given(started(SLOW, INPUT), scheduled("fetch", 1, INPUT, time(seconds(30))),
                    timedOut("fetch", 1, 30), retryScheduled("fetch", 2, seconds(30), seconds(1)),
                    scheduled("fetch", 2, INPUT, time(seconds(61))))
                    .at(seconds(61))
                    .when(deadlineReached("fetch", 2, time(seconds(61))));
            scenario.then(timedOut("fetch", 2, 30),
                    new ExecutionFailed("fetch", "Step 'fetch' failed: attempt 2 timed out after 30s"));
            assertThat(scenario.stateAfter().step("fetch").status()).isEqualTo(StepStatus.TIMED_OUT);
            assertThat(scenario.stateAfter().step("store").status()).isEqualTo(StepStatus.CANCELLED);
        }

        @Test
        void the_deadline_of_an_attempt_that_already_finished_is_moot() {
            given(started(SLOW, INPUT), scheduled("fetch", 1, INPUT, time(seconds(30))),
                    succeeded("fetch", 1, Map.of()), scheduled("store", 1, Map.of()))
                    .at(seconds(30))
                    .when(deadlineReached("fetch", 1, time(seconds(30))))
                    .thenNothing();
        }

        @Test
        void the_deadline_of_an_earlier_attempt_is_moot() {
            given(started(SLOW, INPUT), scheduled("fetch", 1, INPUT, time(seconds(30))),
                    timedOut("fetch", 1, 30), retryScheduled("fetch", 2, seconds(30), seconds(1)),
                    scheduled("fetch", 2, INPUT, time(seconds(61))))
                    .at(seconds(31))
                    .when(deadlineReached("fetch", 1, time(seconds(30))))
                    .thenNothing();
        }
    }

    @Nested
    class Races {

        @Test
        void a_success_that_arrives_after_the_timeout_is_rejected() {
            given(started(SLOW, INPUT), scheduled("fetch", 1, INPUT, time(seconds(30))), running("fetch", 1),
                    timedOut("fetch", 1, 30), retryScheduled("fetch", 2, seconds(30), seconds(1)))
                    .at(seconds(30.5))
                    .when(successReported("fetch", 1, Map.of("late", true)))
                    .thenRejected("Expected step 'fetch' attempt 1 to be in flight, but it is retrying "
                            + "(attempt 1 timed out after 30s)");
        }

        @Test
        void a_success_after_the_deadline_but_before_the_timer_fired_is_rejected() {
            given(started(SLOW, INPUT), scheduled("fetch", 1, INPUT, time(seconds(30))), running("fetch", 1))
                    .at(seconds(30.05))
                    .when(successReported("fetch", 1, Map.of()))
                    .thenRejected("to report before its deadline 2026-01-01T00:00:30Z, but it is 2026-01-01T00:00:30.050Z");
        }

        @Test
        void a_success_just_before_the_deadline_is_accepted() {
            given(started(SLOW, INPUT), scheduled("fetch", 1, INPUT, time(seconds(30))), running("fetch", 1))
                    .at(seconds(29.999))
                    .when(successReported("fetch", 1, Map.of("rows", 1)))
                    .then(succeeded("fetch", 1, Map.of("rows", 1)), scheduled("store", 1, Map.of("rows", 1)));
        }

        @Test
        void a_report_for_attempt_1_after_attempt_2_was_scheduled_is_rejected() {
            given(started(SLOW, INPUT), scheduled("fetch", 1, INPUT, time(seconds(30))), timedOut("fetch", 1, 30),
                    retryScheduled("fetch", 2, seconds(30), seconds(1)), scheduled("fetch", 2, INPUT, time(seconds(61))))
                    .at(seconds(32))
                    .when(successReported("fetch", 1, Map.of()))
                    .thenRejected("Expected a report for step 'fetch' attempt 2, but it is for attempt 1");
        }
    }

    /** The workflow deadline fences reports whether or not its timer has fired yet. */
    @Nested
    class WorkflowDeadlineFencing {

        static final WorkflowSnapshot UNTIMED_STEPS = workflow(60, 0, Map.of(), task("fetch"), task("store", "fetch"));
        static final String TIMEOUT = "Execution exceeded its timeout of 60s";

        @Test
        void a_success_after_the_workflow_deadline_before_its_timer_fired_is_rejected_and_times_the_execution_out() {
            Scenario scenario = given(started(UNTIMED_STEPS, INPUT), scheduled("fetch", 1, INPUT), running("fetch", 1))
                    .at(seconds(60.05))
                    .when(successReported("fetch", 1, Map.of("rows", 1)));
            scenario.then(new ExecutionTimedOut(TIMEOUT), new CommandRejected("StepSucceededReport", "fetch", 1,
                    "Expected step 'fetch' attempt 1 to report before the execution's deadline 2026-01-01T00:01:00Z,"
                            + " but it is 2026-01-01T00:01:00.050Z"));
            ExecutionState after = scenario.stateAfter();
            assertThat(after.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
            assertThat(after.step("fetch").status()).isEqualTo(StepStatus.TIMED_OUT);
            assertThat(after.step("store").status()).isEqualTo(StepStatus.CANCELLED);
        }

        @Test
        void a_report_at_the_deadline_itself_is_too_late() {
            given(started(UNTIMED_STEPS, INPUT), scheduled("fetch", 1, INPUT))
                    .at(seconds(60))
                    .when(startReported("fetch", 1))
                    .then(new ExecutionTimedOut(TIMEOUT), new CommandRejected("StepStartedReport", "fetch", 1,
                            "Expected step 'fetch' attempt 1 to report before the execution's deadline"
                                    + " 2026-01-01T00:01:00Z, but it is 2026-01-01T00:01:00Z"));
        }

        @Test
        void a_cancel_after_the_deadline_finds_the_execution_timed_out() {
            given(started(UNTIMED_STEPS, INPUT), scheduled("fetch", 1, INPUT))
                    .at(seconds(61))
                    .when(cancel())
                    .then(new ExecutionTimedOut(TIMEOUT), new CommandRejected("CancelExecution", null, null,
                            "Expected a command before the execution's deadline 2026-01-01T00:01:00Z,"
                                    + " but it is 2026-01-01T00:01:01Z"));
        }

        @Test
        void a_success_just_before_the_deadline_completes_the_step() {
            given(started(UNTIMED_STEPS, INPUT), scheduled("fetch", 1, INPUT))
                    .at(seconds(59.999))
                    .when(successReported("fetch", 1, Map.of()))
                    .then(succeeded("fetch", 1, Map.of()), scheduled("store", 1, Map.of()));
        }
    }

    @Nested
    class WholeExecution {

        static final WorkflowSnapshot PARALLEL = workflow(60, 0, Map.of(), task("a"), task("b"), task("c", "a", "b"));

        @Test
        void the_workflow_deadline_while_steps_run_times_the_execution_out() {
            Scenario scenario = given(started(PARALLEL, INPUT), scheduled("a", 1, INPUT), scheduled("b", 1, INPUT),
                    running("a", 1), succeeded("b", 1, Map.of()))
                    .at(seconds(60))
                    .when(executionDeadlineReached(time(seconds(60))));
            scenario.then(new ExecutionTimedOut("Execution exceeded its timeout of 60s"));
            ExecutionState after = scenario.stateAfter();
            assertThat(after.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
            assertThat(after.step("a").status()).isEqualTo(StepStatus.TIMED_OUT);
            assertThat(after.step("b").status()).isEqualTo(StepStatus.COMPLETED);
            assertThat(after.step("c").status()).isEqualTo(StepStatus.CANCELLED);
        }

        @Test
        void a_report_after_the_workflow_timed_out_is_rejected() {
            given(started(PARALLEL, INPUT), scheduled("a", 1, INPUT), scheduled("b", 1, INPUT),
                    new ExecutionTimedOut("Execution exceeded its timeout of 60s"))
                    .at(seconds(61))
                    .when(successReported("a", 1, Map.of()))
                    .thenRejected("to be running, but it is timed out");
        }

        @Test
        void the_workflow_deadline_after_the_end_is_moot() {
            given(started(PARALLEL, INPUT), new ExecutionEvent.ExecutionCompleted())
                    .at(seconds(60))
                    .when(executionDeadlineReached(time(seconds(60))))
                    .thenNothing();
        }

        @Test
        void a_start_pins_the_workflow_deadline() {
            ExecutionState state = given().when(start(PARALLEL, INPUT)).stateAfter();
            assertThat(state.deadline()).isEqualTo(time(seconds(60)));
        }
    }
}
