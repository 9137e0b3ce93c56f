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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
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

    private final String topic;
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfrastructure.endpoints().bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
            ProducerConfig.LINGER_MS_CONFIG, 5,
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2_000_000));

    /** The event log of the {@link ProjectionTest} contexts. */
    public EventLog() {
        this(ProjectionTest.TOPIC_PREFIX);
    }

    public EventLog(String topicPrefix) {
        this.topic = new Topics(topicPrefix).executionEvents();
    }

    /** A record as it was written: key, bytes, and where it landed. */
    public record Written(String key, byte[] value, int partition, long offset) {
    }

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

    /** Writes every envelope (key = its execution), waiting only once at the end; returns where each landed. */
    public List<Written> writeAll(List<EventEnvelope> envelopes) {
        List<ProducerRecord<String, byte[]>> records = envelopes.stream().map(envelope -> new ProducerRecord<>(topic,
                envelope.executionId().toString(), JsonCodec.instance().encode(envelope))).toList();
        return resend(records.stream().map(record -> new Written(record.key(), record.value(), -1, -1)).toList());
    }

    /** Writes {@code envelope} without waiting for the broker. */
    public void writeLater(EventEnvelope envelope) {
        producer.send(new ProducerRecord<>(topic, envelope.executionId().toString(),
                JsonCodec.instance().encode(envelope)));
    }

    /** Writes the same keys and bytes again, as a producer retrying or a replay would. */
    public List<Written> resend(List<Written> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        records.forEach(record -> sent.add(producer.send(new ProducerRecord<>(topic, record.key(), record.value()))));
        producer.flush();
        List<Written> written = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            RecordMetadata metadata = await(sent.get(i));
            written.add(new Written(records.get(i).key(), records.get(i).value(), metadata.partition(),
                    metadata.offset()));
        }
        return written;
    }

    /** The last offset written per partition. */
    public static Map<Integer, Long> lastOffsets(List<Written> written) {
        Map<Integer, Long> last = new TreeMap<>();
        written.forEach(record -> last.merge(record.partition(), record.offset(), Math::max));
        return last;
    }

    public String topic() {
        return topic;
    }

    private RecordMetadata await(Future<RecordMetadata> sent) {
        try {
            return sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not write to " + topic, e);
        }
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
