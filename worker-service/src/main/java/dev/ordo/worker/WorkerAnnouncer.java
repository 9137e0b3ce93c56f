package dev.ordo.worker;

import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.contract.wire.LiveWorkers;
import dev.ordo.contract.wire.Topics;
import dev.ordo.contract.wire.WorkerAnnouncement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Announces this worker on {@code workflow.workers} every {@link LiveWorkers#ANNOUNCE_INTERVAL}: its
 * id, capabilities, concurrency and tasks in flight ({@link WorkerAnnouncement}); on a clean stop,
 * after the task consumer has stopped, it deletes its entry (a tombstone). A lost announcement is
 * covered by the next; readers count a worker gone after three intervals without one.
 */
@Component
class WorkerAnnouncer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkerAnnouncer.class);

    private final KafkaProperties kafka;
    private final Topics topics;
    private final WorkerIdentity identity;
    private final WorkerSettings settings;
    private final TaskConsumerRunner tasks;
    private final Clock clock;
    private volatile Producer<String, byte[]> producer;
    private volatile ScheduledExecutorService schedule;

    WorkerAnnouncer(KafkaProperties kafka, Topics topics, WorkerIdentity identity, WorkerSettings settings,
                    TaskConsumerRunner tasks, Clock clock) {
        this.kafka = kafka;
        this.topics = topics;
        this.identity = identity;
        this.settings = settings;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public void start() {
        producer = new KafkaProducer<>(kafka.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer());
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ordo-worker-announcer");
            thread.setDaemon(true);
            return thread;
        });
        long millis = LiveWorkers.ANNOUNCE_INTERVAL.toMillis();
        schedule.scheduleAtFixedRate(this::announce, 0, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops after the task consumer (a lower phase stops later), so its last word is the tombstone. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = schedule;
        if (running == null) {
            return;
        }
        running.shutdownNow();
        try {
            producer.send(new ProducerRecord<>(topics.workers(), identity.id(), null));
        } catch (RuntimeException e) {
            log.warn("Could not delete this worker's entry from {}: {}", topics.workers(), e.toString());
        } finally {
            producer.close(Duration.ofSeconds(5));
            schedule = null;
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }

    private void announce() {
        try {
            WorkerAnnouncement announcement = new WorkerAnnouncement(identity.id(),
                    List.copyOf(new java.util.TreeSet<>(settings.capabilities())), settings.concurrency(),
                    tasks.inFlightTasks(), clock.instant());
            producer.send(new ProducerRecord<>(topics.workers(), identity.id(),
                    JsonCodec.instance().encode(announcement)));
        } catch (RuntimeException e) {
            log.warn("Could not announce this worker on {}: {}", topics.workers(), e.toString());
        }
    }
}
