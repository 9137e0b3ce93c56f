package dev.ordo.domain.execution;

import dev.ordo.contract.execution.ExecutionEvent;
import static dev.ordo.domain.execution.Scenario.EXECUTION;
import static dev.ordo.domain.execution.Scenario.PLAIN_BACKOFF;
import static dev.ordo.domain.execution.Scenario.given;
import static dev.ordo.domain.execution.Scenario.retryScheduled;
import static dev.ordo.domain.execution.Scenario.scheduled;
import static dev.ordo.domain.execution.Scenario.seconds;
import static dev.ordo.domain.execution.Scenario.started;
import static dev.ordo.domain.execution.Scenario.task;
import static dev.ordo.domain.execution.Scenario.time;
import static dev.ordo.domain.execution.Scenario.timedOut;
import static dev.ordo.domain.execution.Scenario.withConfig;
import static dev.ordo.domain.execution.Scenario.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionEvent.DelayStarted;
import dev.ordo.contract.execution.TimerFired.DelayElapsed;
import dev.ordo.contract.execution.TimerFired.ExecutionDeadlineReached;
import dev.ordo.contract.execution.TimerFired.RetryDue;
import dev.ordo.contract.execution.TimerFired.StepDeadlineReached;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The timers each state needs, which the engine keeps in its timer store. */
class TimersTest {

    static final WorkflowSnapshot FLOW = workflow(60, 2, PLAIN_BACKOFF, task("a"), task("b"),
            withConfig(task("wait"), "processing_type", "delay"));

    @Test
    void a_running_execution_needs_its_deadline_and_one_timer_per_attempt_retry_and_delay() {
        ExecutionState state = given(started(FLOW, Map.of()),
                scheduled("a", 1, Map.of(), time(seconds(10))),
                scheduled("b", 1, Map.of()), timedOut("b", 1, 5), retryScheduled("b", 2, seconds(5), seconds(1)),
                new DelayStarted("wait", time(seconds(3)))).stateBefore();

        assertThat(Timers.pending(state)).containsExactlyInAnyOrder(
                new ExecutionDeadlineReached(EXECUTION, time(seconds(60))),
                new StepDeadlineReached(EXECUTION, "a", 1, time(seconds(10))),
                new RetryDue(EXECUTION, "b", 2, time(seconds(6))),
                new DelayElapsed(EXECUTION, "wait", time(seconds(3))));
    }

    @Test
    void an_attempt_without_a_timeout_needs_no_timer() {
        ExecutionState state = given(started(FLOW, Map.of()), scheduled("a", 1, Map.of())).stateBefore();
        assertThat(Timers.pending(state)).containsExactly(new ExecutionDeadlineReached(EXECUTION, time(seconds(60))));
    }

    @Test
    void a_finished_execution_needs_no_timer() {
        ExecutionState state = given(started(FLOW, Map.of()), scheduled("a", 1, Map.of(), time(seconds(10))),
                new ExecutionEvent.ExecutionCancelled("stop")).stateBefore();
        assertThat(Timers.pending(state)).isEmpty();
    }
}
