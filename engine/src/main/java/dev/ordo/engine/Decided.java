package dev.ordo.engine;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.domain.execution.ExecutionState;
import dev.ordo.domain.execution.StepTasks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one input comes to for one execution: its events, numbered from the state's version on, the
 * task handed to the workers for each scheduled attempt, and the state after them. Ignored when
 * nothing can be recorded because the engine knows no such execution.
 *
 * @param ignoredBecause why the input records nothing, or null when it is not ignored
 */
record Decided(ExecutionState after, List<EventEnvelope> envelopes, List<StepTask> tasks, String ignoredBecause) {

    Decided {
        envelopes = List.copyOf(envelopes);
        tasks = List.copyOf(tasks);
    }

    static Decided ignored(ExecutionState state, String why) {
        return new Decided(state, List.of(), List.of(), why);
    }

    /** Folds {@code events} into {@code before}, numbering each and building the task for each scheduled attempt. */
    static Decided fold(ExecutionState before, List<ExecutionEvent> events, Instant now) {
        List<EventEnvelope> envelopes = new ArrayList<>(events.size());
        List<StepTask> tasks = new ArrayList<>();
        ExecutionState state = before;
        for (ExecutionEvent event : events) {
            state = state.evolve(event);
            envelopes.add(new EventEnvelope(state.executionId(), state.version(), now, event));
            if (event instanceof StepScheduled scheduled) {
                tasks.add(StepTasks.of(state, scheduled));
            }
        }
        return new Decided(state, envelopes, tasks, null);
    }

    boolean isIgnored() {
        return ignoredBecause != null;
    }

    /** The same records, with the state after them stored as {@code state}. */
    Decided storedAs(ExecutionState state) {
        return new Decided(state, envelopes, tasks, ignoredBecause);
    }
}
