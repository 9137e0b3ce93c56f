package dev.ordo.projection.readmodel;

import dev.ordo.projection.updates.ReadModelUpdatePublisher;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code workflow.execution-events} (committed transactions only) a batch at a time into
 * the live tables. Each batch's transaction stores the batch's place in the log with its rows, and
 * an assigned partition is read on from that stored place ({@link StoredPositionSeek}), so a lost
 * commit is replayed, never skipped. The consumer group's offsets are still committed to Kafka after
 * the transaction, for the lag figures; they decide nothing. Once the transaction committed, and only then, it publishes the batch's
 * read-model updates. Records that fail are parked by the projector; a batch that fails as a whole
 * (the database) is rolled back, logged and thrown back to the error handler, which retries it
 * ({@link RetryForever}). A rebuild pauses this listener ({@link #ID}) while it swaps the tables.
 */
@Component
public class EventLogListener implements ConsumerSeekAware {

    /** The listener container's id (not its group, which is {@code spring.kafka.consumer.group-id}). */
    public static final String ID = "ordo-projection-live";

    private static final Logger log = LoggerFactory.getLogger(EventLogListener.class);

    private final EventLogProjector projector;
    private final ProjectionProgress progress;
    private final ReadModelUpdatePublisher updates;
    private final Clock clock;
    private final StoredPositionSeek seek;
    private final ExecutionOutcomeMeters meters;
    private final ExecutionDurationMeters durations;

    EventLogListener(EventLogProjector projector, ProjectionProgress progress, ReadModelUpdatePublisher updates,
                     Clock clock, LogPositions positions, ExecutionOutcomeMeters meters,
                     ExecutionDurationMeters durations) {
        this.meters = meters;
        this.durations = durations;
        this.projector = projector;
        this.progress = progress;
        this.updates = updates;
        this.clock = clock;
        this.seek = new StoredPositionSeek(positions);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        seek.seek(assignments, callback);
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = "#{@topics.executionEvents()}")
    void onEvents(List<ConsumerRecord<String, byte[]>> records) {
        List<EventRecord> batch = records.stream().map(record -> EventRecord.decode(record.topic(), record.partition(),
                record.offset(), record.key(), record.value())).toList();
        EventLogProjector.Outcome outcome;
        try {
            outcome = projector.project(batch);
        } catch (RuntimeException e) {
            progress.batchFailed(e, clock.instant());
            log.warn("Could not store a batch of {} events from {}; retrying it (attempt {}): {}", batch.size(),
                    batch.isEmpty() ? "nowhere" : batch.get(0).position(), progress.batchFailure().attempts(),
                    e.toString());
            throw e;
        }
        progress.batchStored(outcome);
        meters.batchStored(batch.size(), outcome.appliedEvents());
        durations.batchStored(outcome.appliedEvents());
        updates.publish(outcome.updates());
        logParked(outcome, batch.size());
    }

    private static void logParked(EventLogProjector.Outcome outcome, int batchSize) {
        long behind = outcome.parked().stream().filter(parked -> parked.reason() == ParkReason.BEHIND_PARKED).count();
        if (behind < outcome.parked().size()) {
            log.error("Parked {} of {} events ({} sequence gaps, {} behind earlier parked events); see "
                    + "readmodel.parked_events, then POST /admin/parked-events/replay", outcome.parked().size(),
                    batchSize, outcome.gaps(), behind);
        } else if (behind > 0) {
            log.warn("Parked {} of {} events behind earlier parked events of their executions", behind, batchSize);
        }
    }
}
