package dev.ordo.events.execution;

import static dev.ordo.events.execution.Scenario.EXECUTION;
import static dev.ordo.events.execution.Scenario.PLAIN_BACKOFF;
import static dev.ordo.events.execution.Scenario.given;
import static dev.ordo.events.execution.Scenario.retryScheduled;
import static dev.ordo.events.execution.Scenario.scheduled;
import static dev.ordo.events.execution.Scenario.seconds;
import static dev.ordo.events.execution.Scenario.started;
import static dev.ordo.events.execution.Scenario.task;
import static dev.ordo.events.execution.Scenario.time;
import static dev.ordo.events.execution.Scenario.timedOut;
import static dev.ordo.events.execution.Scenario.withConfig;
import static dev.ordo.events.execution.Scenario.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.events.definition.WorkflowSnapshot;
import dev.ordo.events.execution.ExecutionEvent.DelayStarted;
import dev.ordo.events.execution.TimerFired.DelayElapsed;
import dev.ordo.events.execution.TimerFired.ExecutionDeadlineReached;
import dev.ordo.events.execution.TimerFired.RetryDue;
import dev.ordo.events.execution.TimerFired.StepDeadlineReached;
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
