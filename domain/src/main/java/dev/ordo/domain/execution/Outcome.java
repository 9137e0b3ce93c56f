package dev.ordo.domain.execution;

import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.execution.TimerFired;
import java.util.List;
import java.util.Set;

/** What the {@link Decider} made of one input: events to record, or nothing at all. */
public sealed interface Outcome {

    /**
     * Events to append, in order, and everything that follows from them. An adapter writes the
     * events, hands out the tasks, stores the state and applies the timer changes, all or nothing.
     *
     * @param events never empty; sequences continue the state's, one by one
     * @param state the state after every event; its version is the last sequence
     * @param tasks one per {@code StepScheduled} among the events, in order
     * @param timersAdded timers {@code state} needs that the state before did not
     * @param timersRemoved timers the state before needed that {@code state} does not
     * @param finishedNow a run of the execution ended with these events: they hold its terminal
     *     event (also when a retry among them reopened the execution first)
     * @param reopenedNow a retry among these events reopened the finished execution: whatever the
     *     adapter planned for it as finished (e.g. dropping it after a retention) no longer holds
     */
    record Recorded(List<NumberedEvent> events, ExecutionState state, List<StepTask> tasks,
                    Set<TimerFired> timersAdded, Set<TimerFired> timersRemoved, boolean finishedNow,
                    boolean reopenedNow)
            implements Outcome {

        public Recorded {
            events = List.copyOf(events);
            tasks = List.copyOf(tasks);
            timersAdded = Set.copyOf(timersAdded);
            timersRemoved = Set.copyOf(timersRemoved);
        }
    }

    /**
     * Nothing to record and nothing changes: a moot timer, an accepted heartbeat, or an input for an
     * execution the engine does not know that cannot start one (there is no log to record it in).
     */
    record Ignored(String reason) implements Outcome {
    }
}
