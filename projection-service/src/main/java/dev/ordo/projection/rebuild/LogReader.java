package dev.ordo.projection.rebuild;

import dev.ordo.projection.readmodel.EventRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads the whole event log from its first record, for a rebuild: every partition assigned to one
 * consumer (no group membership, no rebalancing, nothing committed: the rebuild's tables hold its
 * position), committed transactions only, as the live consumer reads.
 */
final class LogReader implements AutoCloseable {

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final List<TopicPartition> partitions;

    private LogReader(Consumer<String, byte[]> consumer, String topic) {
        this.consumer = consumer;
        this.topic = topic;
        this.partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** A reader with the live consumer's settings, another group id, and {@code maxPollRecords} a poll. */
    static LogReader fromBeginning(ConsumerFactory<String, byte[]> consumers, String topic, String groupId,
                                   int maxPollRecords) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(maxPollRecords));
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        overrides.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new LogReader(consumers.createConsumer(groupId, "ordo-projection-rebuild", null, overrides), topic);
    }

    String topic() {
        return topic;
    }

    List<EventRecord> poll(Duration timeout) {
        List<EventRecord> batch = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            batch.add(EventRecord.decode(record.topic(), record.partition(), record.offset(), record.key(),
                    record.value()));
        }
        return batch;
    }

    /** The next offset to read, per partition. */
    Map<Integer, Long> positions() {
        Map<Integer, Long> positions = new TreeMap<>();
        partitions.forEach(partition -> positions.put(partition.partition(), consumer.position(partition)));
        return positions;
    }

    /** The end of each partition as a read_committed reader sees it (the last stable offset). */
    Map<Integer, Long> endOffsets() {
        Map<Integer, Long> ends = new TreeMap<>();
        consumer.endOffsets(partitions).forEach((partition, end) -> ends.put(partition.partition(), end));
        return ends;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
