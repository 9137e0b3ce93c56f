package dev.ordo.projection.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.contract.wire.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One execution's events in one pass: applied while each is the next, parked from the first that is not. */
class ExecutionFeedTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final WorkflowSnapshot FLOW = new WorkflowSnapshot(60, 1, Map.of(),
            List.of(new StepSpec("work", "task", 1, List.of(), null, null, null, Map.of())));

    final UUID id = UUID.randomUUID();
    long offset;
    ExecutionView stored;
    ExecutionFeed feed;

    @Test
    void events_in_sequence_are_applied_and_a_redelivered_one_is_dropped() {
        givenNew();
        feed.offer(event(1, started()));
        feed.offer(event(2, scheduled()));
        feed.offer(event(1, started()));

        assertThat(feed.applied()).extracting(EventRecord::sequence).containsExactly(1L, 2L);
        assertThat(feed.redelivered()).extracting(EventRecord::sequence).containsExactly(1L);
        assertThat(feed.parkedEvents()).isEmpty();
        assertThat(feed.view().steps.get("work").status).isEqualTo("queued");
    }

    @Test
    void a_gap_parks_its_event_and_every_later_one_behind_it() {
        givenStoredUpTo(1);
        feed.offer(event(3, new StepStarted("work", 1, "w")));
        feed.offer(event(4, new StepSucceeded("work", 1, Map.of())));

        assertThat(reasons()).containsExactly(ParkReason.SEQUENCE_GAP, ParkReason.BEHIND_PARKED);
        assertThat(feed.parkedEvents().get(0).error()).isEqualTo("Expected event 2 of execution " + id
                + ", but got event 3");
        assertThat(feed.gaps()).isEqualTo(1);
        assertThat(feed.hasApplied()).isFalse();
    }

    @Test
    void an_undecodable_record_parks_and_the_next_events_wait_behind_it() {
        givenStoredUpTo(1);
        feed.offer(EventRecord.decode("t", 0, ++offset, id.toString(), "{\"sequence\":2,".getBytes(StandardCharsets.UTF_8)));
        feed.offer(event(3, new StepStarted("work", 1, "w")));

        assertThat(reasons()).containsExactly(ParkReason.UNDECODABLE, ParkReason.BEHIND_PARKED);
    }

    @Test
    void an_event_the_fold_cannot_apply_parks_and_leaves_the_read_model_as_before_it() {
        givenStoredUpTo(1);
        feed.offer(event(2, scheduled()));
        feed.offer(event(3, new StepStarted("no-such-step", 1, "w")));
        feed.offer(event(4, new StepStarted("work", 1, "w")));

        assertThat(reasons()).containsExactly(ParkReason.UNAPPLIABLE, ParkReason.BEHIND_PARKED);
        assertThat(feed.parkedEvents().get(0).error()).contains("Expected a step 'no-such-step'");
        assertThat(feed.applied()).extracting(EventRecord::sequence).containsExactly(2L);
        assertThat(feed.view().lastSequence).isEqualTo(2);
        assertThat(feed.view().steps.get("no-such-step")).isNull();
    }

    @Test
    void a_first_event_that_opens_no_execution_is_unappliable() {
        givenNew();
        feed.offer(event(1, scheduled()));

        assertThat(reasons()).containsExactly(ParkReason.UNAPPLIABLE);
        assertThat(feed.view()).isNull();
    }

    @Test
    void an_execution_parked_before_parks_every_new_event_but_still_drops_what_it_holds() {
        stored = storedUpTo(2);
        feed = new ExecutionFeed(id, stored, () -> storedUpTo(2), true);
        feed.offer(event(2, scheduled()));
        feed.offer(event(3, new StepStarted("work", 1, "w")));

        assertThat(feed.redelivered()).hasSize(1);
        assertThat(reasons()).containsExactly(ParkReason.BEHIND_PARKED);
    }

    @Test
    void stored_event_by_event_the_first_refused_event_parks_as_unstorable_and_the_earlier_ones_stay() {
        givenStoredUpTo(1);
        feed.offer(event(2, scheduled()));
        feed.offer(event(3, new StepStarted("work", 1, "refused")));
        feed.offer(event(4, new StepSucceeded("work", 1, Map.of())));
        feed.offer(event(6, new ExecutionEvent.ExecutionCompleted()));

        feed.storeEventByEvent(view -> "refused".equals(view.steps.get("work").workerId)
                ? Optional.of("ERROR: refused by the database") : Optional.empty());

        assertThat(feed.applied()).extracting(EventRecord::sequence).containsExactly(2L);
        assertThat(reasons()).containsExactly(ParkReason.UNSTORABLE, ParkReason.BEHIND_PARKED,
                ParkReason.SEQUENCE_GAP);
        assertThat(feed.parkedEvents().get(0).error()).isEqualTo("ERROR: refused by the database");
    }

    private void givenNew() {
        feed = new ExecutionFeed(id, null, () -> null, false);
    }

    private void givenStoredUpTo(long sequence) {
        stored = storedUpTo(sequence);
        feed = new ExecutionFeed(id, stored, () -> storedUpTo(sequence), false);
    }

    /** The read model as stored after the first {@code sequence} events of started, scheduled. */
    private ExecutionView storedUpTo(long sequence) {
        ExecutionView view = new ExecutionView(id);
        List<ExecutionEvent> events = List.of(started(), scheduled());
        for (int i = 0; i < sequence; i++) {
            ExecutionFold.apply(view, new EventEnvelope(id, i + 1, T0, events.get(i)));
        }
        return view;
    }

    private List<ParkReason> reasons() {
        return feed.parkedEvents().stream().map(ParkedEvent::reason).toList();
    }

    private EventRecord event(long sequence, ExecutionEvent event) {
        byte[] bytes = JsonCodec.instance().encode(new EventEnvelope(id, sequence, T0.plusSeconds(sequence), event));
        return EventRecord.decode("t", 0, ++offset, id.toString(), bytes);
    }

    private static ExecutionStarted started() {
        return new ExecutionStarted(UUID.randomUUID(), 1, UUID.randomUUID(), null, FLOW, Map.of(), null);
    }

    private static StepScheduled scheduled() {
        return new StepScheduled("work", 1, Map.of(), null);
    }
}
