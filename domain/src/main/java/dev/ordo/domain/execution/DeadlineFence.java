package dev.ordo.domain.execution;

import dev.ordo.contract.execution.EngineInput;
import dev.ordo.contract.execution.ExecutionEvent.CommandRejected;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepReport;
import java.time.Instant;
import java.util.List;

/**
 * The workflow deadline fences every command and report, whether or not its timer has fired yet
 * (the engine fires timers on a wall-clock tick, later under backlog). From the deadline on, a
 * running execution has timed out: the input that finds it so records {@code ExecutionTimedOut},
 * exactly as the timer would have, and is itself rejected. So no report can complete, fail or
 * advance an execution that had already run out of time.
 */
final class DeadlineFence {

    private DeadlineFence() {
    }

    /** The execution runs and its deadline is at or before {@code now}. */
    static boolean hasPassed(ExecutionState state, Instant now) {
        return state.status() == ExecutionStatus.RUNNING && state.deadline() != null && !now.isBefore(state.deadline());
    }

    static Decision timedOut(ExecutionState state, EngineInput input, Instant now) {
        String late = "before the execution's deadline " + state.deadline() + ", but it is " + now;
        CommandRejected rejection;
        if (input instanceof StepReport report) {
            rejection = new CommandRejected(input.getClass().getSimpleName(), report.stepName(), report.attempt(),
                    "Expected step '" + report.stepName() + "' attempt " + report.attempt() + " to report " + late);
        } else {
            rejection = new CommandRejected(input.getClass().getSimpleName(), null, null, "Expected a command " + late);
        }
        return Decision.of(List.of(TimerRules.timedOut(state), rejection));
    }
}
