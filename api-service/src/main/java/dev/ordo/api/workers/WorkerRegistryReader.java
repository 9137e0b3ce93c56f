package dev.ordo.api.workers;

import dev.ordo.contract.wire.LiveWorkers;
import dev.ordo.contract.wire.Topics;
import dev.ordo.contract.wire.WorkerAnnouncement;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import org.springframework.stereotype.Component;

/**
 * The live worker registry as this api-service instance sees it: one background thread reads
 * {@link Topics#workers()} from the beginning with a plain, group-less consumer and folds every
 * record into a {@link LiveWorkers}. Until the topic exists it looks for it every second. It has
 * {@linkplain #caughtUp() caught up} once it has read every record that was on the topic when it
 * was assigned; before that its answers are incomplete. A broker outage never ends the thread: it
 * warns once per outage and keeps trying; only {@link #stop()} ends it.
 */
@Component
public class WorkerRegistryReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkerRegistryReader.class);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(1);
    private static final Duration POLL_FOR = Duration.ofMillis(500);
    private static final Duration ASK_FOR = Duration.ofSeconds(5);

    private final String bootstrapServers;
    private final Topics topics;
    private final Clock clock;
    private final LiveWorkers workers = new LiveWorkers();
    private final OutageLog outage = new OutageLog(log);
    private volatile boolean caughtUp;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile CountDownLatch stopping = new CountDownLatch(1);

    WorkerRegistryReader(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers, Topics topics,
                         Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.clock = clock;
    }

    /** The workers alive now, by id; incomplete until {@link #caughtUp()}. */
    public List<WorkerAnnouncement> live() {
        return workers.live(clock.instant());
    }

    /** Whether some live worker has every one of {@code required}. */
    public boolean canServe(Collection<String> required) {
        return workers.canServe(required, clock.instant());
    }

    /** Whether every record on the topic when reading began has been read (it stays true after). */
    public boolean caughtUp() {
        return caughtUp;
    }

    @Override
    public synchronized void start() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ASK_FOR.toMillis(),
                ConsumerConfig.CLIENT_ID_CONFIG, "ordo-api-worker-registry"),
                new StringDeserializer(), new ByteArrayDeserializer());
        running = true;
        stopping = new CountDownLatch(1);
        thread = new Thread(this::read, "ordo-worker-registry");
        thread.setDaemon(true);
        thread.start();
    }

    /** Wakes the consumer out of any blocking call and waits for the thread to close it. */
    @Override
    public synchronized void stop() {
        Thread reading = thread;
        if (reading == null) {
            return;
        }
        running = false;
        stopping.countDown();
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

    private void read() {
        try (KafkaConsumer<String, byte[]> reading = consumer) {
            List<TopicPartition> partitions = awaitPartitions(reading);
            if (partitions.isEmpty()) {
                return;
            }
            reading.assign(partitions);
            reading.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = null;
            while (running) {
                try {
                    ends = ends == null ? reading.endOffsets(partitions) : ends;
                    reading.poll(POLL_FOR).forEach(this::apply);
                    caughtUp = caughtUp || reached(reading, ends);
                    outage.over();
                } catch (WakeupException e) {
                    return;
                } catch (RuntimeException e) {
                    outage.failed(topics.workers(), e);
                    pause();
                }
            }
        } catch (RuntimeException e) {
            log.debug("Closing the worker registry's consumer failed: {}", e.toString());
        }
    }

    /** The topic's partitions once it exists; none if stopped before. */
    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> reading) {
        while (running) {
            try {
                List<PartitionInfo> found = reading.partitionsFor(topics.workers());
                outage.over();
                if (found != null && !found.isEmpty()) {
                    return found.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                }
            } catch (WakeupException e) {
                return List.of();
            } catch (RuntimeException e) {
                outage.failed(topics.workers(), e);
            }
            pause();
        }
        return List.of();
    }

    /** A record that does not decode is skipped, not fatal: the worker's next announcement replaces it. */
    private void apply(ConsumerRecord<String, byte[]> record) {
        try {
            workers.apply(record.key(), record.value());
        } catch (RuntimeException e) {
            log.warn("Skipped an unreadable record of {} at offset {}: {}", topics.workers(), record.offset(),
                    e.toString());
        }
    }

    private static boolean reached(KafkaConsumer<String, byte[]> reading, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> reading.position(end.getKey()) >= end.getValue());
    }

    /** Waits before the next try; {@link #stop()} ends the wait at once (no interrupt, which would break the consumer's close). */
    private void pause() {
        try {
            stopping.await(RETRY_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
