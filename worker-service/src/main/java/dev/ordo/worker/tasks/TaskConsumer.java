package dev.ordo.worker.tasks;

import dev.ordo.worker.reports.ReportPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's loop over the tasks topic: one thread polls, a pool of {@code concurrency} threads
 * runs the tasks ({@link TaskRunner}). Owns the Kafka consumer and the report publisher.
 *
 * <ul>
 *   <li><b>Never evicted mid-task.</b> The polling thread runs no task and polls again within about
 *       100 ms however long tasks take, so it never overruns {@code max.poll.interval.ms}: a slow task
 *       never costs the worker its partitions, nor runs twice for that reason.</li>
 *   <li><b>Back-pressure.</b> While {@code 2 × concurrency} tasks are in flight (taken, not yet done)
 *       every partition is paused, so no more are fetched (one poll adds at most
 *       {@code max.poll.records}); a partition with {@value PartitionProgress#MAX_WAITING} offsets
 *       waiting for a commit, behind a task that has not reported, is paused on its own.</li>
 *   <li><b>Commit rule.</b> A partition is committed only up to its first task that has not reported,
 *       every task before it having reported and had its reports acknowledged ({@link PartitionProgress}):
 *       asynchronously at most every 100 ms (every second while commits fail), synchronously on
 *       revocation and on stop.</li>
 *   <li><b>Revocation.</b> What is done is committed and the partitions are forgotten. Their tasks still
 *       running (or queued) finish and report, and the next owner runs those not committed again; the
 *       engine fences the duplicate outcome by attempt.</li>
 *   <li><b>Stop.</b> Polling stops, tasks in flight get the shutdown grace period to finish and report,
 *       what is done is committed, and the consumer leaves the group. Tasks still running then are
 *       interrupted and not reported; they are delivered again. Each blocking call (commit, close)
 *       is bounded by 5 s, so a stop with the broker gone still ends.</li>
 * </ul>
 */
public final class TaskConsumer {

    /**
     * @param topics the task topics to take tasks from, e.g. {@code Topics.stepTasksFor(capabilities)}
     * @param concurrency how many tasks run at once
     */
    public record Settings(Pattern topics, int concurrency, Duration shutdownGrace) {

        public Settings {
            if (concurrency < 1) {
                throw new IllegalArgumentException("Expected a concurrency of at least 1, but it is " + concurrency);
            }
        }

        /** Tasks from this one topic. */
        public Settings(String topic, int concurrency, Duration shutdownGrace) {
            this(Pattern.compile(Pattern.quote(topic)), concurrency, shutdownGrace);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(TaskConsumer.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    private static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);
    private static final Duration FAILING_COMMIT_INTERVAL = Duration.ofSeconds(1);
    private static final Duration BLOCKING_TIMEOUT = Duration.ofSeconds(5);

    private final Consumer<String, byte[]> consumer;
    private final ReportPublisher reports;
    private final Settings settings;
    private final TaskPool pool;
    private final TaskRunner runner;
    private final TakenOffsets taken = new TakenOffsets();
    private volatile int assigned;
    private volatile boolean stopping;
    private volatile Throwable failure;
    private volatile Thread thread;
    private long lastCommit = System.nanoTime();
    private int failedCommits;

    public TaskConsumer(Consumer<String, byte[]> consumer, TaskRunner runner, ReportPublisher reports,
                        Settings settings) {
        this.consumer = consumer;
        this.reports = reports;
        this.settings = settings;
        this.runner = runner;
        this.pool = new TaskPool(runner, settings.concurrency());
    }

    public synchronized void start() {
        if (thread == null) {
            thread = new Thread(this::run, "ordo-worker-task-poll");
            thread.start();
        }
    }

    /** Stops as described above and returns once the consumer is closed. */
    public void stop() throws InterruptedException {
        stopping = true;
        Thread running = thread;
        if (running != null) {
            running.join(settings.shutdownGrace().plusSeconds(30).toMillis());
        }
    }

    public boolean isRunning() {
        Thread running = thread;
        return running != null && running.isAlive();
    }

    /** Why the loop ended, when it ended on its own. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** Tasks taken and not yet done: waiting for a thread, running, or waiting for acknowledgements. */
    public int inFlight() {
        return pool.inFlight();
    }

    public int assignedPartitions() {
        return assigned;
    }

    private void run() {
        try {
            consumer.subscribe(settings.topics(), new Rebalance());
            while (!stopping) {
                pool.settle(this::settle);
                markCaughtUp();
                commit(taken.partitions(), false);
                throttle();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL_TIMEOUT)) {
                    take(record);
                }
            }
        } catch (Throwable t) { // the loop is the worker: whatever ends it must show in health and the log
            failure = t;
            log.error("The task consumer stopped on an unexpected failure", t);
        } finally {
            finish();
        }
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        taken.taken(new TopicPartition(record.topic(), record.partition()), record.offset());
        pool.submit(record);
    }

    private void settle(TaskPool.Finished task) {
        if (task.reported()) {
            taken.done(task.partition(), task.offset());
        }
    }

    private void throttle() {
        boolean full = pool.inFlight() >= 2 * settings.concurrency();
        List<TopicPartition> pause = new ArrayList<>();
        List<TopicPartition> resume = new ArrayList<>();
        Set<TopicPartition> assignment = consumer.assignment();
        for (TopicPartition partition : assignment) {
            (full || taken.backedUp(partition) ? pause : resume).add(partition);
        }
        assigned = assignment.size();
        consumer.pause(pause);
        consumer.resume(resume);
    }

    /** Lets partitions whose every task is done commit the consumer's position, past commit markers. */
    private void markCaughtUp() {
        for (TopicPartition partition : consumer.assignment()) {
            taken.caughtUp(partition, consumer.position(partition, BLOCKING_TIMEOUT));
        }
    }

    private void commit(Collection<TopicPartition> partitions, boolean sync) {
        Duration interval = failedCommits == 0 ? COMMIT_INTERVAL : FAILING_COMMIT_INTERVAL;
        if (!sync && System.nanoTime() - lastCommit < interval.toNanos()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = taken.toCommit(partitions);
        if (offsets.isEmpty()) {
            return;
        }
        lastCommit = System.nanoTime();
        if (sync) {
            consumer.commitSync(offsets, BLOCKING_TIMEOUT);
            committed(offsets);
        } else {
            consumer.commitAsync(offsets, (committed, error) -> {
                if (error == null) {
                    committed(committed);
                } else if (failedCommits++ == 0) {
                    log.warn("Could not commit the done tasks {}; trying again every {} until it works: {}", committed,
                            FAILING_COMMIT_INTERVAL, error.toString());
                }
            });
        }
    }

    private void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        taken.committed(offsets);
        if (failedCommits > 0) {
            log.info("Committed the done tasks again after {} failed commits", failedCommits);
            failedCommits = 0;
        }
    }

    private void finish() {
        if (!pool.awaitAll(settings.shutdownGrace(), this::settle)) {
            log.warn("{} tasks still in flight after the shutdown grace of {}; they are interrupted, not committed,"
                    + " and run again", pool.inFlight(), settings.shutdownGrace());
            reports.close(Duration.ofSeconds(1));
            pool.interrupt();
        }
        try {
            commit(taken.partitions(), true);
        } catch (RuntimeException e) {
            log.warn("Could not commit the done tasks on stop; they run again: {}", e.toString());
        }
        try {
            consumer.close(CloseOptions.timeout(BLOCKING_TIMEOUT));
        } finally {
            runner.close();
            reports.close(BLOCKING_TIMEOUT);
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            pool.settle(TaskConsumer.this::settle);
            try {
                commit(partitions, true);
            } catch (RuntimeException e) {
                log.warn("Could not commit the done tasks of revoked partitions {}; they run again: {}", partitions,
                        e.toString());
            }
            taken.forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            taken.forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            taken.assigned(partitions);
        }
    }
}
