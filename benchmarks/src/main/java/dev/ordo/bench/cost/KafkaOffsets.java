package dev.ordo.bench.cost;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * End offsets of every partition of every topic (internal ones included), and the records between
 * two snapshots as a consumer sees them: offsets a range spans minus the records a
 * {@code read_uncommitted} consumer reads are transaction markers (control records); records it reads
 * minus those a {@code read_committed} consumer reads belong to aborted transactions.
 */
final class KafkaOffsets implements AutoCloseable {

    record TopicCount(long offsets, long records, long committedRecords, int partitionsTouched) {
        long markers() {
            return offsets - records;
        }
    }

    private final String bootstrap;
    private final Admin admin;

    KafkaOffsets(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        this.admin = Admin.create(props);
    }

    Map<TopicPartition, Long> endOffsets() throws Exception {
        var names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (TopicDescription topic : admin.describeTopics(names).allTopicNames().get().values()) {
            topic.partitions().forEach(p -> request.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request).all().get().forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    /** Per topic, what lies between the two snapshots. */
    Map<String, TopicCount> between(Map<TopicPartition, Long> before, Map<TopicPartition, Long> after) {
        Map<TopicPartition, long[]> ranges = new HashMap<>();
        after.forEach((tp, end) -> {
            long start = before.getOrDefault(tp, 0L);
            if (end > start) {
                ranges.put(tp, new long[] {start, end});
            }
        });
        Map<TopicPartition, Long> uncommitted = read(ranges, "read_uncommitted");
        Map<TopicPartition, Long> committed = read(ranges, "read_committed");
        Map<String, TopicCount> perTopic = new TreeMap<>();
        ranges.forEach((tp, range) -> perTopic.merge(tp.topic(),
                new TopicCount(range[1] - range[0], uncommitted.getOrDefault(tp, 0L), committed.getOrDefault(tp, 0L), 1),
                (a, b) -> new TopicCount(a.offsets + b.offsets, a.records + b.records,
                        a.committedRecords + b.committedRecords, a.partitionsTouched + b.partitionsTouched)));
        return perTopic;
    }

    private Map<TopicPartition, Long> read(Map<TopicPartition, long[]> ranges, String isolation) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Map<TopicPartition, Long> counts = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>(ranges.keySet());
            consumer.assign(partitions);
            ranges.forEach((tp, range) -> consumer.seek(tp, range[0]));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!partitions.isEmpty() && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                records.forEach(r -> {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() < ranges.get(tp)[1]) {
                        counts.merge(tp, 1L, Long::sum);
                    }
                });
                partitions.removeIf(tp -> consumer.position(tp) >= ranges.get(tp)[1]);
            }
        }
        return counts;
    }

    @Override
    public void close() {
        admin.close();
    }
}
