package dev.ordo.domain.execution;

import static dev.ordo.domain.execution.Scenario.EXECUTION;
import static dev.ordo.domain.execution.Scenario.PLAIN_BACKOFF;
import static dev.ordo.domain.execution.Scenario.executionDeadlineReached;
import static dev.ordo.domain.execution.Scenario.failed;
import static dev.ordo.domain.execution.Scenario.failureReported;
import static dev.ordo.domain.execution.Scenario.given;
import static dev.ordo.domain.execution.Scenario.givenStored;
import static dev.ordo.domain.execution.Scenario.retried;
import static dev.ordo.domain.execution.Scenario.retry;
import static dev.ordo.domain.execution.Scenario.retryDue;
import static dev.ordo.domain.execution.Scenario.retryScheduled;
import static dev.ordo.domain.execution.Scenario.retryWith;
import static dev.ordo.domain.execution.Scenario.running;
import static dev.ordo.domain.execution.Scenario.scheduled;
import static dev.ordo.domain.execution.Scenario.seconds;
import static dev.ordo.domain.execution.Scenario.started;
import static dev.ordo.domain.execution.Scenario.succeeded;
import static dev.ordo.domain.execution.Scenario.successReported;
import static dev.ordo.domain.execution.Scenario.task;
import static dev.ordo.domain.execution.Scenario.terminalFailureReported;
import static dev.ordo.domain.execution.Scenario.time;
import static dev.ordo.domain.execution.Scenario.withCondition;
import static dev.ordo.domain.execution.Scenario.withRetries;
import static dev.ordo.domain.execution.Scenario.withTimeout;
import static dev.ordo.domain.execution.Scenario.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCancelled;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRejected;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionTimedOut;
import dev.ordo.contract.execution.ExecutionEvent.StepSkipped;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepStatus;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.execution.TimerFired.ExecutionDeadlineReached;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A failed or timed-out execution runs again, under the same id, from its failed, timed-out and
 * cancelled steps: completed steps keep their outputs, skipped steps stay skipped, attempts go on
 * counting, the run gets a new deadline, and a step may be given a new input.
 */
class RetryExecutionTest {

    static final Map<String, Object> INPUT = Map.of("order", 42);
    static final Map<String, Object> PREPARED = Map.of("prepared", true);
    static final Map<String, Object> PROCESSED = Map.of("rows", 2);
    static final Map<String, Object> FIXED = Map.of("rows", 3, "fixed", true);

    static final WorkflowSnapshot CHAIN = workflow(3600, 0, PLAIN_BACKOFF, task("prepare"),
            task("process", "prepare"), withRetries(task("finalize", "process"), 1));

    /** The third step failed on both of its attempts, so the execution failed. */
    static final ExecutionEvent[] FINALIZE_FAILED = {
        started(CHAIN, INPUT),
        scheduled("prepare", 1, INPUT), succeeded("prepare", 1, PREPARED),
        scheduled("process", 1, PREPARED), succeeded("process", 1, PROCESSED),
        scheduled("finalize", 1, PROCESSED), failed("finalize", 1, "disk full", true),
        retryScheduled("finalize", 2, seconds(0), seconds(1)),
        scheduled("finalize", 2, PROCESSED), failed("finalize", 2, "disk full", true),
        new ExecutionFailed("finalize", "Step 'finalize' failed: disk full")
    };

    static ExecutionEvent[] after(ExecutionEvent[] history, ExecutionEvent... more) {
        ExecutionEvent[] all = java.util.Arrays.copyOf(history, history.length + more.length);
        System.arraycopy(more, 0, all, history.length, more.length);
        return all;
    }

    @Nested
    class FromTheFailedStep {

        @Test
        void only_the_failed_step_runs_again_with_its_next_attempt_and_the_output_of_the_step_before() {
            Scenario scenario = given(FINALIZE_FAILED).at(seconds(100)).when(retry());
            Outcome.Recorded recorded = scenario.then(
                    retried("failed", time(seconds(3700)), Map.of(), "finalize"),
                    scheduled("finalize", 3, PROCESSED));
            assertThat(recorded.tasks()).extracting(StepTask::stepName, StepTask::attempt, StepTask::input)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("finalize", 3, PROCESSED));
            assertThat(recorded.reopenedNow()).isTrue();
            assertThat(recorded.finishedNow()).isFalse();
            ExecutionState after = scenario.stateAfter();
            assertThat(after.status()).isEqualTo(ExecutionStatus.RUNNING);
            assertThat(after.step("prepare")).isEqualTo(given(FINALIZE_FAILED).stateBefore().step("prepare"));
            assertThat(after.step("process").output()).isEqualTo(PROCESSED);
        }

        @Test
        void the_step_run_again_gets_its_max_retries_afresh_with_the_first_backoff() {
            given(after(FINALIZE_FAILED, retried("failed", time(seconds(3700)), Map.of(), "finalize"),
                    scheduled("finalize", 3, PROCESSED)))
                    .at(seconds(110))
                    .when(failureReported("finalize", 3, "disk full"))
                    .then(failed("finalize", 3, "disk full", true),
                            retryScheduled("finalize", 4, seconds(110), seconds(1)));
        }

        @Test
        void the_run_again_failing_fails_the_execution_again_and_it_can_be_retried_again() {
            Scenario second = given(after(FINALIZE_FAILED, retried("failed", time(seconds(3700)), Map.of(), "finalize"),
                    scheduled("finalize", 3, PROCESSED), failed("finalize", 3, "disk full", true),
                    retryScheduled("finalize", 4, seconds(110), seconds(1)), scheduled("finalize", 4, PROCESSED)))
                    .at(seconds(120))
                    .when(failureReported("finalize", 4, "still full"));
            Outcome.Recorded failedAgain = second.then(failed("finalize", 4, "still full", true),
                    new ExecutionFailed("finalize", "Step 'finalize' failed: still full"));
            assertThat(failedAgain.finishedNow()).isTrue();
            assertThat(second.stateAfter().status()).isEqualTo(ExecutionStatus.FAILED);

            givenStored(second.stateAfter()).at(seconds(200)).when(retry())
                    .then(retried("failed", time(seconds(3800)), Map.of(), "finalize"),
                            scheduled("finalize", 5, PROCESSED));
        }

        @Test
        void a_retried_execution_whose_step_succeeds_completes() {
            given(after(FINALIZE_FAILED, retried("failed", time(seconds(3700)), Map.of(), "finalize"),
                    scheduled("finalize", 3, PROCESSED), running("finalize", 3)))
                    .at(seconds(110))
                    .when(successReported("finalize", 3, Map.of("done", true)))
                    .then(succeeded("finalize", 3, Map.of("done", true)), new ExecutionCompleted());
        }

        @Test
        void a_report_for_an_attempt_of_the_run_before_is_rejected() {
            WorkflowSnapshot pair = workflow(task("a"), task("b"));
            given(started(pair, INPUT), scheduled("a", 1, INPUT), scheduled("b", 1, INPUT), running("b", 1),
                    failed("a", 1, "broken", false), new ExecutionFailed("a", "Step 'a' failed: broken"),
                    retried("failed", time(seconds(3600)), Map.of(), "a", "b"),
                    scheduled("a", 2, INPUT), scheduled("b", 2, INPUT))
                    .when(successReported("b", 1, Map.of()))
                    .thenRejected("Expected a report for step 'b' attempt 2, but it is for attempt 1");
        }

        @Test
        void steps_never_reached_because_of_the_failure_wait_again_for_their_dependencies() {
            ExecutionEvent[] processFailed = {
                started(CHAIN, INPUT), scheduled("prepare", 1, INPUT), succeeded("prepare", 1, PREPARED),
                scheduled("process", 1, PREPARED), failed("process", 1, "bad rows", false),
                new ExecutionFailed("process", "Step 'process' failed: bad rows")
            };
            Scenario scenario = given(processFailed).when(retry());
            scenario.then(retried("failed", time(seconds(3600)), Map.of(), "process", "finalize"),
                    scheduled("process", 2, PREPARED));
            assertThat(scenario.stateAfter().step("finalize").status()).isEqualTo(StepStatus.PENDING);
        }

        @Test
        void a_skipped_step_stays_skipped() {
            WorkflowSnapshot gated = workflow(withCondition(task("audit"), "false"), task("charge"));
            Scenario scenario = given(started(gated, INPUT), new StepSkipped("audit", "condition 'false' is false"),
                    scheduled("charge", 1, INPUT), failed("charge", 1, "declined", false),
                    new ExecutionFailed("charge", "Step 'charge' failed: declined"))
                    .when(retry());
            scenario.then(retried("failed", time(seconds(3600)), Map.of(), "charge"), scheduled("charge", 2, INPUT));
            assertThat(scenario.stateAfter().step("audit").status()).isEqualTo(StepStatus.SKIPPED);
        }
    }

    @Nested
    class WithStepInputs {

        @Test
        void a_step_given_an_input_is_scheduled_with_exactly_that_input() {
            Outcome.Recorded recorded = given(FINALIZE_FAILED).at(seconds(100))
                    .when(retryWith(Map.of("finalize", FIXED)))
                    .then(retried("failed", time(seconds(3700)), Map.of("finalize", FIXED), "finalize"),
                            scheduled("finalize", 3, FIXED));
            assertThat(recorded.tasks().get(0).input()).isEqualTo(FIXED);
        }

        @Test
        void the_given_input_holds_for_every_attempt_of_the_run() {
            given(after(FINALIZE_FAILED, retried("failed", time(seconds(3700)), Map.of("finalize", FIXED), "finalize"),
                    scheduled("finalize", 3, FIXED), failed("finalize", 3, "disk full", true),
                    retryScheduled("finalize", 4, seconds(100), seconds(1))))
                    .at(seconds(101))
                    .when(retryDue("finalize", 4, time(seconds(101))))
                    .then(scheduled("finalize", 4, FIXED));
        }

        @Test
        void the_given_input_holds_for_a_step_that_becomes_ready_later_in_the_run() {
            given(started(CHAIN, INPUT), scheduled("prepare", 1, INPUT), succeeded("prepare", 1, PREPARED),
                    scheduled("process", 1, PREPARED), failed("process", 1, "bad rows", false),
                    new ExecutionFailed("process", "Step 'process' failed: bad rows"),
                    retried("failed", time(seconds(3600)), Map.of("finalize", FIXED), "process", "finalize"),
                    scheduled("process", 2, PREPARED))
                    .when(successReported("process", 2, PROCESSED))
                    .then(succeeded("process", 2, PROCESSED), scheduled("finalize", 1, FIXED));
        }

        @Test
        void a_later_retry_without_it_gives_the_step_its_usual_input_again() {
            givenStored(given(after(FINALIZE_FAILED,
                    retried("failed", time(seconds(3700)), Map.of("finalize", FIXED), "finalize"),
                    scheduled("finalize", 3, FIXED), failed("finalize", 3, "rejected", false),
                    new ExecutionFailed("finalize", "Step 'finalize' failed: rejected"))).stateBefore())
                    .at(seconds(200))
                    .when(retry())
                    .then(retried("failed", time(seconds(3800)), Map.of(), "finalize"),
                            scheduled("finalize", 4, PROCESSED));
        }

        @Test
        void an_input_for_a_step_the_workflow_does_not_have_is_rejected_naming_it() {
            given(FINALIZE_FAILED).when(retryWith(Map.of("ghost", FIXED)))
                    .thenRejected("Expected step_inputs to name steps of the workflow, but 'ghost' is not one");
        }

        @Test
        void an_input_for_a_step_that_is_not_run_again_is_rejected_naming_it() {
            given(FINALIZE_FAILED).when(retryWith(Map.of("prepare", FIXED, "finalize", FIXED)))
                    .thenRejected("Expected step_inputs only for the steps the retry runs again ('finalize'), "
                            + "but 'prepare' is completed");
        }

        @Test
        void a_step_named_without_an_input_is_rejected_naming_it() {
            Map<String, Map<String, Object>> none = new java.util.HashMap<>();
            none.put("finalize", null);
            given(FINALIZE_FAILED).when(retryWith(none))
                    .thenRejected("Expected step_inputs to give each step an object, but 'finalize' has none");
        }

        @Test
        void step_inputs_beyond_the_record_limit_are_rejected() {
            Map<String, Object> huge = Map.of("blob", "x".repeat(dev.ordo.contract.wire.RecordLimits
                    .MAX_RETRY_STEP_INPUTS_BYTES));
            given(FINALIZE_FAILED).when(retryWith(Map.of("finalize", huge)))
                    .thenRejected("Expected the step_inputs of a retry to be at most 131072 bytes, but they are ");
        }
    }

    @Nested
    class TimedOut {

        static final WorkflowSnapshot SLOW = workflow(60, 0, PLAIN_BACKOFF, withTimeout(task("fetch"), 30),
                task("store", "fetch"), task("notify", "store"));
        static final Map<String, Object> FETCHED = Map.of("items", 5);
        static final ExecutionEvent[] STORE_TIMED_OUT = {
            started(SLOW, INPUT), scheduled("fetch", 1, INPUT, time(seconds(30))), succeeded("fetch", 1, FETCHED),
            scheduled("store", 1, FETCHED), running("store", 1),
            new ExecutionTimedOut("Execution exceeded its timeout of 60s")
        };

        @Test
        void a_timed_out_execution_runs_again_from_the_step_that_was_running_until_a_new_deadline() {
            Scenario scenario = given(STORE_TIMED_OUT).at(seconds(300)).when(retry());
            scenario.then(retried("timed out", time(seconds(360)), Map.of(), "store", "notify"),
                    scheduled("store", 2, FETCHED));
            ExecutionState after = scenario.stateAfter();
            assertThat(after.deadline()).isEqualTo(time(seconds(360)));
            assertThat(Timers.pending(after)).contains(new ExecutionDeadlineReached(EXECUTION, time(seconds(360))));
        }

        @Test
        void a_report_after_the_first_deadline_but_before_the_new_one_is_accepted() {
            given(after(STORE_TIMED_OUT, retried("timed out", time(seconds(360)), Map.of(), "store", "notify"),
                    scheduled("store", 2, FETCHED)))
                    .at(seconds(320))
                    .when(successReported("store", 2, Map.of()))
                    .then(succeeded("store", 2, Map.of()), scheduled("notify", 1, Map.of()));
        }

        @Test
        void the_new_deadline_times_the_execution_out_again() {
            given(after(STORE_TIMED_OUT, retried("timed out", time(seconds(360)), Map.of(), "store", "notify"),
                    scheduled("store", 2, FETCHED)))
                    .at(seconds(360))
                    .when(executionDeadlineReached(time(seconds(360))))
                    .then(new ExecutionTimedOut("Execution exceeded its timeout of 60s"));
        }
    }

    @Nested
    class ContinueOnError {

        static final WorkflowSnapshot BRANCHES = workflow(3600, 0, Map.of("error_handling", "continue_on_error"),
                task("a"), task("b"), task("a2", "a"), task("b2", "b"), task("c"));

        @Test
        void both_failed_branches_run_again_and_the_finished_one_does_not() {
            Scenario scenario = given(started(BRANCHES, INPUT), scheduled("a", 1, INPUT), scheduled("b", 1, INPUT),
                    scheduled("c", 1, INPUT), failed("a", 1, "broken", false), failed("b", 1, "down", false),
                    succeeded("c", 1, Map.of("c", 1)), new ExecutionFailed("a", "Step 'a' failed: broken"))
                    .when(retry());
            scenario.then(retried("failed", time(seconds(3600)), Map.of(), "a", "b", "a2", "b2"),
                    scheduled("a", 2, INPUT), scheduled("b", 2, INPUT));
            ExecutionState after = scenario.stateAfter();
            assertThat(after.step("c").status()).isEqualTo(StepStatus.COMPLETED);
            assertThat(List.of(after.step("a2").status(), after.step("b2").status()))
                    .containsOnly(StepStatus.PENDING);
        }
    }

    @Nested
    class Refused {

        @Test
        void a_completed_execution_is_not_retried() {
            given(started(workflow(), INPUT), new ExecutionCompleted()).when(retry())
                    .thenRejected("Expected execution " + EXECUTION + " to be failed or timed out, but it is completed");
        }

        @Test
        void a_running_execution_is_not_retried() {
            given(started(CHAIN, INPUT), scheduled("prepare", 1, INPUT)).when(retry())
                    .thenRejected("to be failed or timed out, but it is running");
        }

        @Test
        void a_cancelled_execution_is_not_retried() {
            given(started(CHAIN, INPUT), scheduled("prepare", 1, INPUT), new ExecutionCancelled("stop"))
                    .when(retry())
                    .thenRejected("to be failed or timed out, but it is cancelled");
        }

        @Test
        void a_finished_execution_known_only_by_its_tombstone_is_not_retried() {
            givenStored(ExecutionState.finished(EXECUTION, ExecutionStatus.FAILED, 9)).when(retry())
                    .thenRejected("Expected the steps of execution " + EXECUTION
                            + " to run them again, but only its final status is kept");
        }

        @Test
        void an_execution_whose_start_was_rejected_is_not_retried() {
            given(new ExecutionRejected(Scenario.WORKFLOW, 1, Scenario.WORKSPACE, null, "no such step")).when(retry())
                    .thenRejected("but only its final status is kept");
        }

        @Test
        void a_failed_execution_without_a_step_to_run_again_is_not_retried() {
            WorkflowSnapshot one = workflow(task("a"));
            given(started(one, INPUT), scheduled("a", 1, INPUT), succeeded("a", 1, Map.of()),
                    new ExecutionFailed(null, "Engine incident")).when(retry())
                    .thenRejected("Expected execution " + EXECUTION
                            + " to have a failed, timed out or cancelled step to run again, but it has none");
        }

        @Test
        void a_retry_of_an_execution_the_engine_does_not_know_is_ignored() {
            given().when(retry()).thenIgnored("No execution " + EXECUTION + " to record RetryExecution in");
        }

        @Test
        void a_terminal_failure_at_once_after_the_retry_ends_the_new_run_in_the_same_decision() {
            WorkflowSnapshot gate = workflow(Scenario.conditionStep("check", "${steps.nowhere.output.x} +"));
            Outcome.Recorded recorded = given(started(gate, INPUT),
                    failed("check", 0, "bad expression", false),
                    new ExecutionFailed("check", "Step 'check' failed: bad expression"))
                    .when(retry()).outcome() instanceof Outcome.Recorded r ? r : null;
            assertThat(recorded).isNotNull();
            assertThat(recorded.reopenedNow()).isTrue();
            assertThat(recorded.finishedNow()).isTrue();
            assertThat(recorded.state().status()).isEqualTo(ExecutionStatus.FAILED);
        }
    }
}
