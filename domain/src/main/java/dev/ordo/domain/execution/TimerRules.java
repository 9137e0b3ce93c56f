package dev.ordo.domain.execution;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionTimedOut;
import dev.ordo.contract.execution.ExecutionEvent.StepFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepTimedOut;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepStatus;
import dev.ordo.contract.execution.TimerFired;
import dev.ordo.contract.execution.TimerFired.DelayElapsed;
import dev.ordo.contract.execution.TimerFired.ExecutionDeadlineReached;
import dev.ordo.contract.execution.TimerFired.RetryDue;
import dev.ordo.contract.execution.TimerFired.StepDeadlineReached;
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
            return moot(timer);
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
            return moot(timer);
        }
        StepSettings settings = StepSettings.of(state, timer.stepName());
        return launched(state, settings, StepLaunch.scheduled(settings, state, timer.attempt(), now), now);
    }

    static Decision delayElapsed(ExecutionState state, DelayElapsed timer, Instant now) {
        StepState step = state.step(timer.stepName());
        if (!isRunning(state) || step == null || step.status() != StepStatus.WAITING) {
            return moot(timer);
        }
        StepSettings settings = StepSettings.of(state, timer.stepName());
        return launched(state, settings, StepLaunch.passedOn(settings, state, step.attempt()), now);
    }

    static Decision executionDeadline(ExecutionState state, ExecutionDeadlineReached timer, Instant now) {
        if (!isRunning(state)) {
            return moot(timer);
        }
        return Decision.of(List.of(timedOut(state)));
    }

    /** What the execution's deadline records, whether its timer or a late input finds it passed. */
    static ExecutionTimedOut timedOut(ExecutionState state) {
        return new ExecutionTimedOut("Execution exceeded its timeout of " + state.definition().timeoutSeconds() + "s");
    }

    /** The event a timer launched, and what follows from it: a failed launch is a permanent failure. */
    private static Decision launched(ExecutionState state, StepSettings settings, ExecutionEvent launch, Instant now) {
        List<ExecutionEvent> events = new ArrayList<>();
        events.add(launch);
        ExecutionState after = state.evolve(launch);
        if (launch instanceof StepFailed) {
            events.addAll(AttemptOutcomes.afterPermanentFailure(after, settings, now));
        } else if (!(launch instanceof ExecutionEvent.StepScheduled)) {
            events.addAll(Progression.from(after, now));
        }
        return Decision.of(events);
    }

    private static Decision moot(TimerFired timer) {
        return Decision.nothing("Timer " + timer.getClass().getSimpleName() + " due at " + timer.dueAt()
                + " is moot: the execution or its step has moved on");
    }

    private static boolean isRunning(ExecutionState state) {
        return state.status() == ExecutionStatus.RUNNING;
    }
}
