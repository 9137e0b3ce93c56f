package dev.ordo.engine;

import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.domain.execution.ExecutionState;
import dev.ordo.domain.execution.NumberedEvent;
import dev.ordo.domain.execution.Outcome;
import java.time.Instant;
import java.util.List;

/**
 * A domain {@link Outcome} as the engine writes it: its events as envelopes stamped with the time
 * of the decision, the task handed to the workers for each scheduled attempt, and the state after
 * them. Ignored when nothing can be recorded.
 *
 * @param ignoredBecause why the input records nothing, or null when it is not ignored
 */
record Decided(ExecutionState after, List<EventEnvelope> envelopes, List<StepTask> tasks, String ignoredBecause) {

    Decided {
        envelopes = List.copyOf(envelopes);
        tasks = List.copyOf(tasks);
    }

    static Decided of(ExecutionState before, Outcome outcome, Instant now) {
        if (outcome instanceof Outcome.Ignored ignored) {
            return new Decided(before, List.of(), List.of(), ignored.reason());
        } else if (outcome instanceof Outcome.Recorded recorded) {
            List<EventEnvelope> envelopes = recorded.events().stream()
                    .map(numbered -> envelope(before, numbered, now)).toList();
            return new Decided(recorded.state(), envelopes, recorded.tasks(), null);
        }
        throw new IllegalArgumentException("Unhandled outcome " + outcome.getClass().getName());
    }

    boolean isIgnored() {
        return ignoredBecause != null;
    }

    /** The same records, with the state after them stored as {@code state}. */
    Decided storedAs(ExecutionState state) {
        return new Decided(state, envelopes, tasks, ignoredBecause);
    }

    private static EventEnvelope envelope(ExecutionState before, NumberedEvent numbered, Instant now) {
        return new EventEnvelope(before.executionId(), numbered.sequence(), now, numbered.event());
    }
}
