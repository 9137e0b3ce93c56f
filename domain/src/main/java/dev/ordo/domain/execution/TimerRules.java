package dev.ordo.domain.execution;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepStatus;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionTimedOut;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.contract.execution.ExecutionEvent.StepTimedOut;
import dev.ordo.contract.execution.TimerFired.DelayElapsed;
import dev.ordo.contract.execution.TimerFired.ExecutionDeadlineReached;
import dev.ordo.contract.execution.TimerFired.RetryDue;
import dev.ordo.contract.execution.TimerFired.StepDeadlineReached;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules for timers that came due. Each applies only while the execution runs and the step is
 * still where the timer expects it; otherwise the timer is moot and records nothing.
 */
final class TimerRules {

    private TimerRules() {
    }

    static Decision stepDeadline(ExecutionState state, StepDeadlineReached timer, Instant now) {
        StepState step = state.step(timer.stepName());
        if (!isRunning(state) || step == null || step.attempt() != timer.attempt() || !step.status().isInFlight()) {
            return Decision.none();
        }
        Integer seconds = state.definition().step(timer.stepName()).orElseThrow().timeoutSeconds();
        StepTimedOut timedOut = new StepTimedOut(timer.stepName(), timer.attempt(),
                "attempt " + timer.attempt() + " timed out after " + seconds + "s");
        List<ExecutionEvent> events = new ArrayList<>();
        events.add(timedOut);
        events.addAll(AttemptOutcomes.afterFailure(state.evolve(timedOut), timer.stepName(), timer.attempt(), true, now));
        return Decision.of(events);
    }

    static Decision retryDue(ExecutionState state, RetryDue timer, Instant now) {
        StepState step = state.step(timer.stepName());
        if (!isRunning(state) || step == null || step.status() != StepStatus.RETRYING
                || step.attempt() + 1 != timer.attempt()) {
            return Decision.none();
        }
        StepSettings settings = StepSettings.of(state, timer.stepName());
        return Decision.of(List.of(StepLaunch.scheduled(settings, state, timer.attempt(), now)));
    }

    static Decision delayElapsed(ExecutionState state, DelayElapsed timer, Instant now) {
        StepState step = state.step(timer.stepName());
        if (!isRunning(state) || step == null || step.status() != StepStatus.WAITING) {
            return Decision.none();
        }
        StepSettings settings = StepSettings.of(state, timer.stepName());
        StepSucceeded done = new StepSucceeded(timer.stepName(), step.attempt(), StepInputs.of(settings.spec(), state));
        List<ExecutionEvent> events = new ArrayList<>();
        events.add(done);
        events.addAll(Progression.from(state.evolve(done), now));
        return Decision.of(events);
    }

    static Decision executionDeadline(ExecutionState state, ExecutionDeadlineReached timer, Instant now) {
        if (!isRunning(state)) {
            return Decision.none();
        }
        Duration limit = Duration.ofSeconds(state.definition().timeoutSeconds());
        return Decision.of(List.of(new ExecutionTimedOut("Execution exceeded its timeout of "
                + limit.toSeconds() + "s")));
    }

    private static boolean isRunning(ExecutionState state) {
        return state.status() == ExecutionStatus.RUNNING;
    }
}
