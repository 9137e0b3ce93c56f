package dev.ordo.projection;

import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.contract.wire.ReadModelUpdate;
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

/** Reads {@code read-model-updates} of the {@link ProjectionTest} contexts from its end as it was when opened. */
final class UpdatesConsumer implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfrastructure.endpoints().bootstrapServers(),
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
    private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

    UpdatesConsumer() {
        String topic = new Topics(ProjectionTest.TOPIC_PREFIX).readModelUpdates();
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Every update received so far for {@code executionId}, in order, with its record key. */
    List<Received> of(UUID executionId) {
        consumer.poll(Duration.ofMillis(100)).forEach(received::add);
        return received.stream().filter(record -> executionId.toString().equals(record.key()))
                .map(record -> new Received(record.key(), JsonCodec.instance().decode(record.value(),
                        ReadModelUpdate.class))).toList();
    }

    record Received(String key, ReadModelUpdate update) {
    }

    @Override
    public void close() {
        consumer.close();
    }
}
