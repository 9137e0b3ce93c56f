package dev.ordo.domain.execution;

import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepStatus;
import dev.ordo.contract.execution.TimerFired;
import dev.ordo.contract.execution.TimerFired.DelayElapsed;
import dev.ordo.contract.execution.TimerFired.ExecutionDeadlineReached;
import dev.ordo.contract.execution.TimerFired.HeartbeatDeadlineReached;
import dev.ordo.contract.execution.TimerFired.RetryDue;
import dev.ordo.contract.execution.TimerFired.StepDeadlineReached;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The timers a state needs, derived from it alone: the execution's deadline while it runs, the
 * deadline of every attempt in flight that has one, the heartbeat deadline of every attempt in
 * flight whose clock runs, the due time of every pending retry, the end
 * of every waiting delay step. A finished execution needs none. The engine keeps its timer store
 * equal to this set: what a new state no longer needs is deleted, what it newly needs is added.
 */
public final class Timers {

    private Timers() {
    }

    public static Set<TimerFired> pending(ExecutionState state) {
        Set<TimerFired> timers = new LinkedHashSet<>();
        if (state.status() != ExecutionStatus.RUNNING) {
            return timers;
        }
        if (state.deadline() != null) {
            timers.add(new ExecutionDeadlineReached(state.executionId(), state.deadline()));
        }
        for (Map.Entry<String, StepState> entry : state.steps().entrySet()) {
            StepState step = entry.getValue();
            if (step.status().isInFlight()) {
                addAttemptTimers(timers, state, entry.getKey(), step);
            } else if (step.status() == StepStatus.RETRYING) {
                timers.add(new RetryDue(state.executionId(), entry.getKey(), step.attempt() + 1, step.wakeAt()));
            } else if (step.status() == StepStatus.WAITING) {
                timers.add(new DelayElapsed(state.executionId(), entry.getKey(), step.wakeAt()));
            }
        }
        return timers;
    }

    private static void addAttemptTimers(Set<TimerFired> timers, ExecutionState state, String name, StepState step) {
        if (step.deadline() != null) {
            timers.add(new StepDeadlineReached(state.executionId(), name, step.attempt(), step.deadline()));
        }
        if (step.heartbeatDeadline() != null) {
            timers.add(new HeartbeatDeadlineReached(state.executionId(), name, step.attempt(), step.heartbeatDeadline()));
        }
    }
}
