package dev.ordo.projection.operations;

import dev.ordo.contract.wire.Topics;
import dev.ordo.projection.readmodel.LogPositions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Measures the live projection's lag every {@code ordo.projection.lag.refresh-interval}, per
 * partition of the event log: in events, the log's end as a read_committed reader sees it minus the
 * consumer group's committed offset; in milliseconds, how long the oldest waiting event may have
 * waited ({@link WaitingTime}). Published as the gauges {@code ordo.projection.lag.events} and
 * {@code ordo.projection.lag.ms} (tag {@code partition}) and in {@code readmodel.projection_progress}.
 * A measurement that fails keeps the last figures and is logged once per streak.
 */
@Component
class ProjectionLag implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionLag.class);
    private static final long TIMEOUT_SECONDS = 5;

    private final Admin admin;
    private final LogPositions positions;
    private final String topic;
    private final String groupId;
    private final Clock clock;
    private final MultiGauge events;
    private final MultiGauge millis;
    private final WaitingTime waitingTime = new WaitingTime();
    private final AtomicBoolean failing = new AtomicBoolean();

    ProjectionLag(KafkaAdmin kafkaAdmin, LogPositions positions, Topics topics,
                  @Value("${spring.kafka.consumer.group-id}") String groupId, Clock clock, MeterRegistry registry) {
        this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        this.positions = positions;
        this.topic = topics.executionEvents();
        this.groupId = groupId;
        this.clock = clock;
        this.events = MultiGauge.builder("ordo.projection.lag.events")
                .description("Events of the log not yet taken by the projection (log end - committed offset)")
                .register(registry);
        this.millis = MultiGauge.builder("ordo.projection.lag.ms")
                .description("How long the projection's oldest waiting event may have waited; 0 when caught up")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${ordo.projection.lag.refresh-interval}", initialDelay = 1000)
    void measure() {
        try {
            List<LogPositions.Lag> lags = lags();
            positions.recordLag(lags);
            events.register(lags.stream().map(lag -> MultiGauge.Row.of(tags(lag), lag.events())).toList(), true);
            millis.register(lags.stream().map(lag -> MultiGauge.Row.of(tags(lag), lag.millis())).toList(), true);
            if (failing.compareAndSet(true, false)) {
                log.info("Measuring the projection's lag works again");
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            if (failing.compareAndSet(false, true)) {
                log.warn("Could not measure the projection's lag; keeping the last figures: {}", e.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<LogPositions.Lag> lags() throws ExecutionException, InterruptedException, TimeoutException {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic).partitions().stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> earliest = partitions.stream().allMatch(p -> committed.get(p) != null) ? Map.of()
                : offsets(partitions, OffsetSpec.earliest());
        Map<Integer, Instant> lastApplied = new HashMap<>();
        positions.positions(topic).forEach(position -> {
            if (position.lastOccurredAt() != null) {
                lastApplied.put(position.partition(), position.lastOccurredAt());
            }
        });
        Instant now = clock.instant();
        List<LogPositions.Lag> lags = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            long position = offset != null ? offset.offset() : earliest.get(partition);
            long behind = Math.max(0, ends.get(partition) - position);
            lags.add(new LogPositions.Lag(topic, partition.partition(), ends.get(partition), behind,
                    waitingTime.millis(partition.partition(), behind, lastApplied.get(partition.partition()), now)));
        }
        return lags;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private static Tags tags(LogPositions.Lag lag) {
        return Tags.of("partition", String.valueOf(lag.partition()));
    }

    @Override
    public void destroy() {
        admin.close(java.time.Duration.ofSeconds(2));
    }
}
