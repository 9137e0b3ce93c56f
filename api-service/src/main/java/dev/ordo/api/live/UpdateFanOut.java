package dev.ordo.api.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.contract.wire.ReadModelUpdate;
import dev.ordo.contract.wire.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Broadcast of {@code workflow.read-model-updates} to this instance's live-stream connections. Every
 * instance reads every partition with its own group-less consumer, from the end of each partition
 * present at start-up (and from the beginning of one created later), and sends only to its own
 * connections. Updates are published after the projection's commit, so what a message says is
 * already what REST reads.
 *
 * <p>Per poll: the updates of executions someone here follows are turned into ranges of sequences,
 * and the events of all ranges are read in one query from {@code readmodel.execution_events}. A
 * range starts after the last sequence this instance handled for the execution, so an update that
 * was never published (the projection publishes at most once) is filled in by the next one; one
 * already handled (a redelivery) reads nothing. Failure policy: an update that does not decode is
 * counted ({@code ordo.live.updates.undecodable}), logged and skipped; a database or broker failure
 * is logged, and the thread goes on with the next poll; nothing ends the thread but {@link #stop()}.
 */
@Component
class UpdateFanOut implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UpdateFanOut.class);
    private static final Duration POLL_FOR = Duration.ofMillis(200);
    private static final Duration LOOK_FOR_PARTITIONS_EVERY = Duration.ofSeconds(10);
    private static final Duration ASK_FOR = Duration.ofSeconds(5);

    private final String bootstrapServers;
    private final String topic;
    private final LiveConnections connections;
    private final LiveEvents events;
    private final StepIds stepIds;
    private final CatchUp catchUp;
    private final Counter undecodable;
    private final Counter delivered;
    /** The last sequence handled per execution; an execution not seen for an hour is forgotten. */
    private final Cache<UUID, Long> handled = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofHours(1)).build();
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private boolean failing;

    UpdateFanOut(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers, Topics topics,
                 LiveConnections connections, LiveEvents events, StepIds stepIds, CatchUp catchUp,
                 MeterRegistry registry) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topics.readModelUpdates();
        this.connections = connections;
        this.events = events;
        this.stepIds = stepIds;
        this.catchUp = catchUp;
        this.undecodable = Counter.builder("ordo.live.updates.undecodable")
                .description("Read-model updates the live streams could not decode and skipped").register(registry);
        this.delivered = Counter.builder("ordo.live.events.fanned_out")
                .description("Events read for the live streams, once per event and instance").register(registry);
    }

    /** Positions the consumer at the end of the partitions there are now, before the port opens. */
    @Override
    public synchronized void start() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ASK_FOR.toMillis(),
                ConsumerConfig.CLIENT_ID_CONFIG, "ordo-api-live-" + UUID.randomUUID()),
                new StringDeserializer(), new ByteArrayDeserializer());
        try {
            List<TopicPartition> present = partitions();
            consumer.assign(present);
            consumer.seekToEnd(present);
            present.forEach(consumer::position);
        } catch (RuntimeException e) {
            log.warn("Live streams: could not position on {} yet, will keep trying: {}", topic, e.toString());
        }
        running = true;
        thread = new Thread(this::run, "ordo-live-fan-out");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        Thread reading = thread;
        if (reading == null) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            reading.join(ASK_FOR.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void run() {
        long nextLook = 0;
        try (KafkaConsumer<String, byte[]> reading = consumer) {
            while (running) {
                try {
                    if (System.nanoTime() - nextLook >= 0) {
                        reassign(reading);
                        nextLook = System.nanoTime() + (reading.assignment().isEmpty() ? Duration.ofSeconds(1)
                                : LOOK_FOR_PARTITIONS_EVERY).toNanos();
                    }
                    if (reading.assignment().isEmpty()) {
                        Thread.sleep(100);
                        continue;
                    }
                    fanOut(reading.poll(POLL_FOR));
                    recovered();
                } catch (WakeupException e) {
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    failed(e);
                }
            }
        } catch (RuntimeException e) {
            log.debug("Closing the live streams' consumer failed: {}", e.toString());
        }
    }

    /** Adds partitions created since the last look; they are read from their beginning. */
    private void reassign(KafkaConsumer<String, byte[]> reading) {
        Set<TopicPartition> found = new HashSet<>(partitions());
        if (!found.isEmpty() && !found.equals(reading.assignment())) {
            found.addAll(reading.assignment());
            reading.assign(found);
        }
    }

    private List<TopicPartition> partitions() {
        List<PartitionInfo> found = consumer.partitionsFor(topic);
        return found == null ? List.of()
                : found.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    void fanOut(ConsumerRecords<String, byte[]> records) {
        if (records.isEmpty()) {
            return;
        }
        Map<UUID, LiveEvents.Range> wanted = new LinkedHashMap<>();
        Map<UUID, ExecutionScope> scopes = new LinkedHashMap<>();
        Map<UUID, Long> reached = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            ReadModelUpdate update = decode(record);
            if (update == null) {
                continue;
            }
            UUID id = update.executionId();
            Long before = reached.containsKey(id) ? reached.get(id) : handled.getIfPresent(id);
            reached.merge(id, update.sequence(), Math::max);
            ExecutionScope scope = new ExecutionScope(id, update.workflowId(), update.workspaceId());
            if (!connections.followed(scope)) {
                continue;
            }
            long after = before != null ? before : firstSequence(update) - 1;
            if (after >= update.sequence()) {
                continue;
            }
            scopes.putIfAbsent(id, scope);
            wanted.merge(id, new LiveEvents.Range(id, after, update.sequence()), (a, b) ->
                    new LiveEvents.Range(id, Math.min(a.after(), b.after()), Math.max(a.upTo(), b.upTo())));
        }
        try {
            List<LiveEvents.LiveEvent> read = events.in(wanted.values());
            OutgoingFrames.deferringWrites(() -> deliver(scopes, read));
        } catch (DataAccessException e) {
            wanted.keySet().forEach(reached::remove);
            throw e;
        } finally {
            handled.putAll(reached);
        }
    }

    private void deliver(Map<UUID, ExecutionScope> scopes, List<LiveEvents.LiveEvent> read) {
        delivered.increment(read.size());
        Map<UUID, List<LiveEvents.LiveEvent>> byExecution = read.stream()
                .collect(Collectors.groupingBy(LiveEvents.LiveEvent::executionId, LinkedHashMap::new,
                        Collectors.toCollection(ArrayList::new)));
        byExecution.forEach((id, executionEvents) -> {
            ExecutionScope scope = scopes.get(id);
            List<Frame> messages = EventMessages.frames(scope, executionEvents,
                    stepIds.of(scope, executionEvents.get(0).workflowVersion()));
            for (LiveConnection connection : connections.recipients(scope)) {
                if (connection.deliver(id, messages)) {
                    catchUp.repair(connection, scope);
                }
            }
        });
    }

    private ReadModelUpdate decode(ConsumerRecord<String, byte[]> record) {
        try {
            ReadModelUpdate update = JsonCodec.instance().decode(record.value(), ReadModelUpdate.class);
            if (update == null || update.executionId() == null) {
                throw new IllegalArgumentException("no execution id");
            }
            return update;
        } catch (RuntimeException e) {
            undecodable.increment();
            log.warn("Live streams: skipped an undecodable update at {}-{} offset {}: {}", record.topic(),
                    record.partition(), record.offset(), e.toString());
            return null;
        }
    }

    private static long firstSequence(ReadModelUpdate update) {
        return update.events() == null || update.events().isEmpty() ? update.sequence()
                : update.events().get(0).sequence();
    }

    private void failed(RuntimeException e) {
        if (!failing) {
            failing = true;
            log.warn("Live streams: fanning out {} failed, going on with the next poll (logged once until it works"
                    + " again): {}", topic, e.toString());
        }
        try {
            Thread.sleep(200);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void recovered() {
        if (failing) {
            failing = false;
            log.info("Live streams: fanning out {} works again", topic);
        }
    }
}
