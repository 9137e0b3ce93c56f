package dev.ordo.stack;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.contract.wire.Topics;
import dev.ordo.infra.SharedTestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the event log of one execution straight from {@code workflow.execution-events}, in order. */
final class EventLog {

    private EventLog() {
    }

    static List<ExecutionEvent> of(String executionId) {
        return envelopes(executionId).stream().map(EventEnvelope::event).toList();
    }

    /** The envelopes of its events, with when each was recorded. */
    static List<EventEnvelope> envelopes(String executionId) {
        String topic = Topics.withDefaultPrefix().executionEvents();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfrastructure.endpoints().bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<EventEnvelope> events = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (UUID.fromString(executionId).toString().equals(record.key())) {
                        events.add(JsonCodec.instance().decode(record.value(), EventEnvelope.class));
                    }
                }
            }
            return events;
        }
    }
}
