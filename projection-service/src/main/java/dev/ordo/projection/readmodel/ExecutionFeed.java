package dev.ordo.projection.readmodel;

import dev.ordo.contract.wire.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of one execution in one pass (a batch, or a replay), applied in order to its read
 * model while each is the next one; the first that cannot be applied is parked, and every later
 * one parks behind it. An event already applied (a redelivery) is dropped. The read model in
 * memory is always the fold of the stored rows and the events applied so far.
 */
final class ExecutionFeed {

    private static final Logger log = LoggerFactory.getLogger(ExecutionFeed.class);

    private final UUID executionId;
    private final Supplier<ExecutionView> storedView;
    private ExecutionView view;
    private boolean parked;
    private final List<EventRecord> applied = new ArrayList<>();
    private final List<EventRecord> redelivered = new ArrayList<>();
    private final List<ParkedEvent> parkedEvents = new ArrayList<>();
    private int gaps;

    /**
     * @param stored the execution's stored rows (null before its first event); the feed folds into it
     * @param storedAgain reads the execution's stored rows again
     * @param parked whether the execution already has parked events
     */
    ExecutionFeed(UUID executionId, ExecutionView stored, Supplier<ExecutionView> storedAgain, boolean parked) {
        this.executionId = executionId;
        this.storedView = storedAgain;
        this.view = stored;
        this.parked = parked;
    }

    void offer(EventRecord record) {
        if (!record.isDecoded()) {
            park(record, ParkReason.UNDECODABLE, record.decodeError());
            return;
        }
        EventEnvelope envelope = record.envelope();
        long last = view == null ? 0 : view.lastSequence;
        if (envelope.sequence() <= last) {
            redelivered.add(record);
        } else if (parked) {
            park(record, ParkReason.BEHIND_PARKED, "Execution " + executionId + " has parked events before event "
                    + envelope.sequence());
        } else if (envelope.sequence() != last + 1) {
            gaps++;
            park(record, ParkReason.SEQUENCE_GAP, "Expected event " + (last + 1) + " of execution " + executionId
                    + ", but got event " + envelope.sequence());
        } else if (view == null && !ExecutionFold.opensExecution(envelope.event())) {
            park(record, ParkReason.UNAPPLIABLE, "Expected event 1 of execution " + executionId
                    + " to be ExecutionStarted or ExecutionRejected, but it is " + record.eventType());
        } else {
            apply(record);
        }
    }

    /**
     * Stores the read model event by event, each in its own attempt, after {@code store} refused
     * all of them at once: the events up to the first refused one stay applied, that one parks as
     * unstorable and the later ones behind it.
     *
     * @param store writes a read model and returns why PostgreSQL refused it, if it did
     */
    void storeEventByEvent(Function<ExecutionView, Optional<String>> store) {
        List<EventRecord> toStore = List.copyOf(applied);
        List<ParkedEvent> laterParked = List.copyOf(parkedEvents);
        applied.clear();
        parkedEvents.clear();
        view = storedView.get();
        for (EventRecord record : toStore) {
            if (!parkedEvents.isEmpty()) {
                park(record, ParkReason.BEHIND_PARKED, "Execution " + executionId + " has parked events before event "
                        + record.sequence());
                continue;
            }
            ExecutionView next = view == null ? new ExecutionView(executionId) : view;
            ExecutionFold.apply(next, record.envelope());
            Optional<String> refusal = store.apply(next);
            if (refusal.isPresent()) {
                view = storedView.get();
                park(record, ParkReason.UNSTORABLE, refusal.get());
            } else {
                view = next;
                applied.add(record);
            }
        }
        parkedEvents.addAll(laterParked);
    }

    private void apply(EventRecord record) {
        ExecutionView next = view == null ? new ExecutionView(executionId) : view;
        try {
            ExecutionFold.apply(next, record.envelope());
            view = next;
            applied.add(record);
        } catch (RuntimeException e) {
            view = refolded();
            park(record, ParkReason.UNAPPLIABLE, e.toString());
        }
    }

    /** The stored rows with this pass's applied events folded in again: the view before a failed fold. */
    private ExecutionView refolded() {
        ExecutionView again = storedView.get();
        for (EventRecord record : applied) {
            again = again == null ? new ExecutionView(executionId) : again;
            ExecutionFold.apply(again, record.envelope());
        }
        return again;
    }

    private void park(EventRecord record, ParkReason reason, String error) {
        if (reason != ParkReason.BEHIND_PARKED) {
            log.error("Parked {} of execution {} at {} ({}): {}", record.isDecoded() ? "event " + record.sequence()
                    : "an undecodable record", executionId, record.position(), reason.code(), error);
        }
        parked = true;
        parkedEvents.add(new ParkedEvent(record, reason, error));
    }

    UUID executionId() {
        return executionId;
    }

    /** The read model after this pass's applied events, or null when none was ever applied. */
    ExecutionView view() {
        return view;
    }

    boolean hasApplied() {
        return !applied.isEmpty();
    }

    List<EventRecord> applied() {
        return List.copyOf(applied);
    }

    /** Events dropped because the read model already holds them. */
    List<EventRecord> redelivered() {
        return List.copyOf(redelivered);
    }

    /** The events parked in this pass, in the order they were offered: the first one blocks the others. */
    List<ParkedEvent> parkedEvents() {
        return List.copyOf(parkedEvents);
    }

    int gaps() {
        return gaps;
    }
}
