package dev.ordo.worker.tasks;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs taken tasks on {@code concurrency} threads and hands each back, once finished, to the
 * polling thread, which alone reads {@link #settle} and {@link #awaitAll}. A task is in flight
 * from {@link #submit} until the polling thread settled it.
 */
final class TaskPool {

    /** A task that finished; {@code reported} when every report it sent was acknowledged. */
    record Finished(TopicPartition partition, long offset, boolean reported) {
    }

    /** What the polling thread does with a finished task. */
    @FunctionalInterface
    interface Settler {
        void settle(Finished task);
    }

    private static final Logger log = LoggerFactory.getLogger(TaskPool.class);

    private final TaskRunner runner;
    private final ExecutorService threads;
    private final BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    TaskPool(TaskRunner runner, int concurrency) {
        this.runner = runner;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(concurrency,
                task -> new Thread(task, "ordo-worker-task-" + count.incrementAndGet()));
    }

    void submit(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        inFlight.incrementAndGet();
        CompletableFuture.supplyAsync(() -> runner.run(record), threads)
                .thenCompose(reported -> reported)
                .whenComplete((ignored, error) -> {
                    if (error != null) {
                        log.error("Task at {}@{} did not report; it stays uncommitted and runs again after a"
                                + " rebalance or restart", partition, record.offset(), error);
                    }
                    finished.add(new Finished(partition, record.offset(), error == null));
                });
    }

    int inFlight() {
        return inFlight.get();
    }

    /** Settles every task finished so far, without waiting. */
    void settle(Settler settler) {
        for (Finished task = finished.poll(); task != null; task = finished.poll()) {
            inFlight.decrementAndGet();
            settler.settle(task);
        }
    }

    /** Takes no more tasks and settles those in flight as they finish, for up to {@code grace}; true if all did. */
    boolean awaitAll(Duration grace, Settler settler) {
        threads.shutdown();
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                Finished task = finished.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (task != null) {
                    inFlight.decrementAndGet();
                    settler.settle(task);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return inFlight.get() == 0;
    }

    /** Interrupts the tasks still running. */
    void interrupt() {
        threads.shutdownNow();
    }
}
