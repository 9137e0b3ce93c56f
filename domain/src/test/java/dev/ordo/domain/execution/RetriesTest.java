package dev.ordo.domain.execution;

import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepStatus;
import static dev.ordo.domain.execution.Scenario.PLAIN_BACKOFF;
import static dev.ordo.domain.execution.Scenario.failed;
import static dev.ordo.domain.execution.Scenario.failureReported;
import static dev.ordo.domain.execution.Scenario.given;
import static dev.ordo.domain.execution.Scenario.retryDue;
import static dev.ordo.domain.execution.Scenario.retryScheduled;
import static dev.ordo.domain.execution.Scenario.running;
import static dev.ordo.domain.execution.Scenario.scheduled;
import static dev.ordo.domain.execution.Scenario.seconds;
import static dev.ordo.domain.execution.Scenario.started;
import static dev.ordo.domain.execution.Scenario.task;
import static dev.ordo.domain.execution.Scenario.terminalFailureReported;
import static dev.ordo.domain.execution.Scenario.time;
import static dev.ordo.domain.execution.Scenario.withConfig;
import static dev.ordo.domain.execution.Scenario.withRetries;
import static dev.ordo.domain.execution.Scenario.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetriesTest {

    static final Map<String, Object> INPUT = Map.of("order", 42);
    static final WorkflowSnapshot CHARGE = workflow(3600, 0, PLAIN_BACKOFF, withRetries(task("charge"), 3));

    @Test
    void a_retryable_failure_with_retries_left_schedules_the_next_attempt_after_the_initial_backoff() {
        given(started(CHARGE, INPUT), scheduled("charge", 1, INPUT), running("charge", 1))
                .at(seconds(10))
                .when(failureReported("charge", 1, "card network down"))
                .then(failed("charge", 1, "card network down", true),
                        retryScheduled("charge", 2, seconds(10), seconds(1)));
    }

    @Test
    void each_later_backoff_is_the_one_before_times_the_multiplier() {
        given(started(CHARGE, INPUT), scheduled("charge", 1, INPUT), failed("charge", 1, "x", true),
                retryScheduled("charge", 2, seconds(0), seconds(1)), scheduled("charge", 2, INPUT),
                failed("charge", 2, "x", true), retryScheduled("charge", 3, seconds(1), seconds(2)),
                scheduled("charge", 3, INPUT))
                .at(seconds(5))
                .when(failureReported("charge", 3, "x"))
                .then(failed("charge", 3, "x", true), retryScheduled("charge", 4, seconds(5), seconds(4)));
    }

    @Test
    void no_backoff_is_longer_than_the_max_delay() {
        WorkflowSnapshot capped = workflow(3600, 0, Map.of(), withConfig(withRetries(task("charge"), 9),
                "retry_policy", Map.of("initial_delay_ms", 1000, "multiplier", 10, "max_delay_ms", 5000, "jitter", 0)));
        given(started(capped, INPUT), scheduled("charge", 1, INPUT), failed("charge", 1, "x", true),
                retryScheduled("charge", 2, seconds(0), seconds(1)), scheduled("charge", 2, INPUT))
                .when(failureReported("charge", 2, "x"))
                .then(failed("charge", 2, "x", true), retryScheduled("charge", 3, seconds(0), seconds(5)));
    }

    @Test
    void when_the_backoff_is_over_the_next_attempt_is_scheduled_with_the_same_input() {
        given(started(CHARGE, INPUT), scheduled("charge", 1, INPUT), failed("charge", 1, "x", true),
                retryScheduled("charge", 2, seconds(0), seconds(1)))
                .at(seconds(1))
                .when(retryDue("charge", 2, time(seconds(1))))
                .then(scheduled("charge", 2, INPUT));
    }

    @Test
    void the_last_allowed_attempt_failing_fails_the_execution() {
        WorkflowSnapshot once = workflow(3600, 0, PLAIN_BACKOFF, withRetries(task("charge"), 1));
        given(started(once, INPUT), scheduled("charge", 1, INPUT), failed("charge", 1, "x", true),
                retryScheduled("charge", 2, seconds(0), seconds(1)), scheduled("charge", 2, INPUT))
                .when(failureReported("charge", 2, "still down"))
                .then(failed("charge", 2, "still down", true),
                        new ExecutionFailed("charge", "Step 'charge' failed: still down"));
    }

    @Test
    void a_terminal_failure_is_never_retried() {
        given(started(CHARGE, INPUT), scheduled("charge", 1, INPUT))
                .when(terminalFailureReported("charge", 1, "card declined"))
                .then(failed("charge", 1, "card declined", false),
                        new ExecutionFailed("charge", "Step 'charge' failed: card declined"));
    }

    @Test
    void zero_max_retries_on_the_step_means_a_single_attempt_even_if_the_workflow_allows_more() {
        WorkflowSnapshot none = workflow(3600, 5, PLAIN_BACKOFF, withRetries(task("charge"), 0));
        given(started(none, INPUT), scheduled("charge", 1, INPUT))
                .when(failureReported("charge", 1, "x"))
                .then(failed("charge", 1, "x", true), new ExecutionFailed("charge", "Step 'charge' failed: x"));
    }

    @Test
    void a_step_without_max_retries_inherits_the_workflows() {
        WorkflowSnapshot inherited = workflow(3600, 2, PLAIN_BACKOFF, task("charge"));
        given(started(inherited, INPUT), scheduled("charge", 1, INPUT), failed("charge", 1, "x", true),
                retryScheduled("charge", 2, seconds(0), seconds(1)), scheduled("charge", 2, INPUT))
                .when(failureReported("charge", 2, "x"))
                .then(failed("charge", 2, "x", true), retryScheduled("charge", 3, seconds(0), seconds(2)));
    }

    @Test
    void the_steps_retry_policy_wins_key_by_key_over_the_workflows() {
        WorkflowSnapshot mixed = workflow(3600, 2, PLAIN_BACKOFF,
                withConfig(task("charge"), "retry_policy", Map.of("initial_delay_ms", 250)));
        given(started(mixed, INPUT), scheduled("charge", 1, INPUT), failed("charge", 1, "x", true),
                retryScheduled("charge", 2, seconds(0), seconds(0.25)), scheduled("charge", 2, INPUT))
                .when(failureReported("charge", 2, "x"))
                .then(failed("charge", 2, "x", true), retryScheduled("charge", 3, seconds(0), seconds(0.5)));
    }

    @Test
    void a_pending_retry_keeps_the_step_retrying_with_its_due_time() {
        ExecutionState state = given(started(CHARGE, INPUT), scheduled("charge", 1, INPUT))
                .at(seconds(3)).when(failureReported("charge", 1, "x")).stateAfter();
        assertThat(state.step("charge").status()).isEqualTo(StepStatus.RETRYING);
        assertThat(state.step("charge").wakeAt()).isEqualTo(time(seconds(4)));
        assertThat(state.status()).isEqualTo(ExecutionStatus.RUNNING);
    }
}
