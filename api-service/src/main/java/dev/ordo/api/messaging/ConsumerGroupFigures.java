package dev.ordo.api.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * What the broker knows of a consumer group, asked through the Admin client: its lag on a topic
 * (per partition, the log's end as a read_committed reader sees it minus the group's committed
 * offset, or minus the log's start where the group has committed nothing) and how many members it
 * has. Every question is bounded by its timeout; while the broker has been unreachable for a send
 * timeout, none is asked.
 */
@Component
public class ConsumerGroupFigures implements AutoCloseable {

    private final KafkaAdmin kafkaAdmin;
    private final BrokerReachability reachability;
    private Admin admin;

    ConsumerGroupFigures(KafkaAdmin kafkaAdmin, BrokerReachability reachability) {
        this.kafkaAdmin = kafkaAdmin;
        this.reachability = reachability;
    }

    /**
     * The lag of {@code groupId} on each partition of {@code topic}.
     *
     * @throws BrokerUnavailableException when the broker is known unreachable or does not answer in time
     */
    public Map<Integer, Long> lag(String groupId, String topic, Duration timeout) {
        requireReachable();
        try {
            List<TopicPartition> partitions = admin().describeTopics(List.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Future<Map<TopicPartition, OffsetAndMetadata>> committed = admin().listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata();
            Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest(), timeout);
            Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest(), timeout);
            Map<TopicPartition, OffsetAndMetadata> positions = committedOrNone(committed, timeout);
            Map<Integer, Long> lag = new HashMap<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata position = positions.get(partition);
                long from = position != null ? position.offset() : starts.get(partition);
                lag.put(partition.partition(), Math.max(0, ends.get(partition) - from));
            }
            return lag;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
    }

    /** The names of the topics that start with {@code prefix}. */
    public List<String> topicsStartingWith(String prefix, Duration timeout) {
        requireReachable();
        try {
            return admin().listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS).stream()
                    .filter(name -> name.startsWith(prefix)).sorted().toList();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
    }

    /** How many members {@code groupId} has now; 0 for a group without any (or unknown). */
    public int members(String groupId, Duration timeout) {
        requireReachable();
        try {
            return admin().describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).members().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return 0;
            }
            throw unavailable(e);
        } catch (TimeoutException | RuntimeException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
    }

    /** A group that never committed (or does not exist) has no positions. */
    private static Map<TopicPartition, OffsetAndMetadata> committedOrNone(
            Future<Map<TopicPartition, OffsetAndMetadata>> committed, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            Map<TopicPartition, OffsetAndMetadata> positions = committed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return positions == null ? Map.of() : positions;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Map.of();
            }
            throw e;
        }
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin().listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private void requireReachable() {
        reachability.unreachableSince().ifPresent(since -> {
            throw new BrokerUnavailableException("the event broker has been unreachable since " + since, null);
        });
    }

    private static BrokerUnavailableException unavailable(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return new BrokerUnavailableException("the event broker did not answer: " + cause, cause);
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
