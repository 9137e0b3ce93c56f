package dev.ordo.projection.readmodel;

import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.contract.wire.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code workflow.execution-events} (committed transactions only) a batch at a time; the
 * offsets commit after the batch's database transaction, so a crash replays rather than loses.
 */
@Component
class EventLogListener {

    private static final Logger log = LoggerFactory.getLogger(EventLogListener.class);

    private final EventLogProjector projector;

    EventLogListener(EventLogProjector projector) {
        this.projector = projector;
    }

    @KafkaListener(topics = "#{@topics.executionEvents()}")
    void onEvents(List<ConsumerRecord<String, byte[]>> records) {
        List<EventEnvelope> batch = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                batch.add(JsonCodec.instance().decode(record.value(), EventEnvelope.class));
            } catch (RuntimeException e) {
                log.error("Skipped undecodable event at {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        projector.project(batch);
    }
}
