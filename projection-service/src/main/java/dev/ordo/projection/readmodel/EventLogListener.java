package dev.ordo.projection.readmodel;

import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code workflow.execution-events} (committed transactions only) a batch at a time; the
 * offsets commit after the batch's database transaction, so a crash replays rather than loses.
 * Records that fail are parked by the projector; a batch that fails as a whole (the database) is
 * logged and thrown back to the error handler, which retries it ({@link RetryForever}).
 */
@Component
class EventLogListener {

    private static final Logger log = LoggerFactory.getLogger(EventLogListener.class);

    private final EventLogProjector projector;
    private final ProjectionProgress progress;
    private final Clock clock;

    EventLogListener(EventLogProjector projector, ProjectionProgress progress, Clock clock) {
        this.projector = projector;
        this.progress = progress;
        this.clock = clock;
    }

    @KafkaListener(topics = "#{@topics.executionEvents()}")
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
        long behind = outcome.parked().stream().filter(parked -> parked.reason() == ParkReason.BEHIND_PARKED).count();
        if (behind < outcome.parked().size()) {
            log.error("Parked {} of {} events ({} sequence gaps, {} behind earlier parked events); see "
                    + "readmodel.parked_events, then POST /admin/parked-events/replay", outcome.parked().size(),
                    batch.size(), outcome.gaps(), behind);
        } else if (behind > 0) {
            log.warn("Parked {} of {} events behind earlier parked events of their executions", behind, batch.size());
        }
    }
}
