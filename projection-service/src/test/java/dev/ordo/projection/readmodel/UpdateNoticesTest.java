package dev.ordo.projection.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.CommandRejected;
import dev.ordo.contract.execution.ExecutionEvent.DelayStarted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionStarted;
import dev.ordo.contract.execution.ExecutionEvent.IncidentRecorded;
import dev.ordo.contract.execution.ExecutionEvent.StepFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepRetryScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepSkipped;
import dev.ordo.contract.execution.ExecutionEvent.StepStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.contract.execution.ExecutionEvent.StepTimedOut;
import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.contract.wire.ReadModelUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a pass tells the live streams: one update per execution it changed, with the events it applied. */
class UpdateNoticesTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final UUID id = UUID.randomUUID();
    final ExecutionStarted started = new ExecutionStarted(UUID.randomUUID(), 1, UUID.randomUUID(), null,
            ExecutionFeedTest.FLOW, Map.of(), null);
    long offset;

    @Test
    void an_execution_that_applied_events_gives_one_update_with_each_event_and_where_it_now_stands() {
        ExecutionFeed feed = new ExecutionFeed(id, null, () -> null, false);
        feed.offer(record(1, started));
        feed.offer(record(2, new StepScheduled("work", 1, Map.of(), null)));
        feed.offer(record(2, new StepScheduled("work", 1, Map.of(), null)));

        assertThat(UpdateNotices.of(List.of(feed))).containsExactly(new ReadModelUpdate(id, started.workflowId(),
                started.workspaceId(), 2, "running", List.of(
                        new ReadModelUpdate.AppliedEvent(1, "ExecutionStarted", null, T0.plusSeconds(1)),
                        new ReadModelUpdate.AppliedEvent(2, "StepScheduled", "work", T0.plusSeconds(2)))));
    }

    @Test
    void an_execution_whose_events_were_all_redelivered_or_parked_gives_none() {
        ExecutionView stored = new ExecutionView(id);
        ExecutionFold.apply(stored, new EventEnvelope(id, 1, T0, started));
        ExecutionFeed feed = new ExecutionFeed(id, stored, () -> stored, false);
        feed.offer(record(1, started));
        feed.offer(record(3, new StepStarted("work", 1, "w")));

        assertThat(UpdateNotices.of(List.of(feed))).isEmpty();
    }

    @Test
    void every_event_about_a_step_names_it_and_the_others_name_none() {
        List<ExecutionEvent> aboutWork = List.of(new StepScheduled("work", 1, Map.of(), null),
                new StepStarted("work", 1, "w"), new StepSucceeded("work", 1, Map.of()),
                new StepFailed("work", 1, "e", true), new StepTimedOut("work", 1, "e"),
                new StepRetryScheduled("work", 2, T0, 10), new StepSkipped("work", "r"), new DelayStarted("work", T0),
                new CommandRejected("StepSucceededReport", "work", 1, "late"),
                new IncidentRecorded("StepSucceededReport", "work", "boom"));

        assertThat(aboutWork).allSatisfy(event -> assertThat(UpdateNotices.stepName(event)).isEqualTo("work"));
        assertThat(UpdateNotices.stepName(new ExecutionCompleted())).isNull();
        assertThat(UpdateNotices.stepName(started)).isNull();
    }

    private EventRecord record(long sequence, ExecutionEvent event) {
        byte[] bytes = JsonCodec.instance().encode(new EventEnvelope(id, sequence, T0.plusSeconds(sequence), event));
        return EventRecord.decode("t", 0, ++offset, id.toString(), bytes);
    }
}
