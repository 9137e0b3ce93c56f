package dev.ordo.projection;

import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionStarted;
import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.contract.wire.Topics;
import dev.ordo.infra.SharedTestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes records to the projection's event log topic as the engine would (key = execution id), or
 * as it never should (bytes that are no event, gaps in the sequence).
 */
public final class EventLog implements AutoCloseable {

    /** A one-step workflow: the step {@code work}. */
    public static final WorkflowSnapshot ONE_STEP = new WorkflowSnapshot(60, 1, Map.of(),
            List.of(new StepSpec("work", "task", 1, List.of(), null, null, null, Map.of())));

    private final String topic = new Topics(ProjectionTest.TOPIC_PREFIX).executionEvents();
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfrastructure.endpoints().bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));

    public static ExecutionStarted started(WorkflowSnapshot definition) {
        return new ExecutionStarted(UUID.randomUUID(), 1, UUID.randomUUID(), null, definition, Map.of(), null);
    }

    /** Writes {@code event} as event number {@code sequence} of {@code executionId}. */
    public void write(UUID executionId, long sequence, ExecutionEvent event) {
        send(executionId.toString(), JsonCodec.instance().encode(
                new EventEnvelope(executionId, sequence, Instant.now(), event)));
    }

    /** Writes events {@code first}, {@code first + 1}, ... of {@code executionId}. */
    public void write(UUID executionId, long first, ExecutionEvent... events) {
        for (int i = 0; i < events.length; i++) {
            write(executionId, first + i, events[i]);
        }
    }

    /** Writes a record of {@code executionId} that is no event at all. */
    public void writeGarbage(UUID executionId, String text) {
        send(executionId.toString(), text.getBytes(StandardCharsets.UTF_8));
    }

    public void writeEnvelope(UUID executionId, EventEnvelope envelope) {
        send(executionId.toString(), JsonCodec.instance().encode(envelope));
    }

    private void send(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not write to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
