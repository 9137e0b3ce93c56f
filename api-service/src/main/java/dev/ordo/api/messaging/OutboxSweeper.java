package dev.ordo.api.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Publishes what the relays left: at start-up and then every {@code ordo.outbox.sweep-interval},
 * the rows unpublished for longer than a send timeout (a crash between commit and publish, a
 * broker outage, a lost mark), oldest first and at most one row per key per round, so the commands
 * of one execution keep their order. While sends fail, or when nothing was heard from the broker
 * for a send timeout, it first probes the broker, and sends nothing if it does not answer. It also
 * deletes rows published longer than the retention ago.
 *
 * <p>Every instance sweeps the whole table; two instances may publish one row twice, as may a
 * sweeper and a slow relay: a repeated command is harmless (the engine rejects a second start of
 * a known execution, and a second cancel changes nothing).
 */
@Component
class OutboxSweeper implements SmartLifecycle {

    /** Started before the web server takes requests, stopped after it has finished them. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final int MAX_ROUNDS_PER_SWEEP = 20;

    private final OutboxRows rows;
    private final CommandRelay relay;
    private final BrokerReachability reachability;
    private final BrokerProbe probe;
    private final OutboxSettings settings;
    private volatile ScheduledExecutorService scheduler;
    private volatile int lastDue;
    private volatile boolean lastSweepFailed;

    OutboxSweeper(OutboxRows rows, CommandRelay relay, BrokerReachability reachability, BrokerProbe probe,
                  OutboxSettings settings) {
        this.rows = rows;
        this.relay = relay;
        this.reachability = reachability;
        this.probe = probe;
        this.settings = settings;
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::sweepSafely, 0, settings.sweepInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        scheduler = null;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        probe.close();
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** How many rows the last round found due (at most one batch). */
    int lastDue() {
        return lastDue;
    }

    /** One sweep; a failure (the database away) is logged when it starts and when it ends. */
    private void sweepSafely() {
        try {
            sweep();
            if (lastSweepFailed) {
                log.info("The outbox sweeper works again");
            }
            lastSweepFailed = false;
        } catch (RuntimeException e) {
            if (!lastSweepFailed) {
                log.warn("The outbox sweeper failed, it keeps trying every {}: {}", settings.sweepInterval(),
                        e.toString());
            }
            lastSweepFailed = true;
        }
    }

    void sweep() {
        boolean failing = reachability.failing();
        Instant probedAt = null;
        if (failing || reachability.quietFor(reachability.sendTimeout())) {
            probedAt = reachability.now();
            if (!probe.answers(PROBE_TIMEOUT)) {
                reachability.failed(probedAt, new IllegalStateException("no answer to a probe within "
                        + PROBE_TIMEOUT));
                return;
            }
            if (!failing) {
                reachability.acknowledged(probedAt);
            }
        }
        for (int round = 0; round < MAX_ROUNDS_PER_SWEEP; round++) {
            List<OutboxRow> due = rows.due(reachability.sendTimeout(), settings.sweepBatch());
            lastDue = due.size();
            if (due.isEmpty() && round == 0 && failing) {
                reachability.acknowledged(probedAt);
            }
            if (publish(due) < settings.sweepBatch()) {
                break;
            }
        }
        rows.deletePublishedBefore(settings.publishedRetention(), settings.sweepBatch() * 10);
    }

    /** Sends every row, stopping early if the producer refuses one outright; marks the acknowledged ones. */
    private int publish(List<OutboxRow> due) {
        Map<Long, CompletableFuture<Void>> sent = new LinkedHashMap<>();
        for (OutboxRow row : due) {
            CompletableFuture<Void> acknowledged = relay.send(row);
            sent.put(row.id(), acknowledged);
            if (acknowledged.isCompletedExceptionally()) {
                break;
            }
        }
        List<Long> published = awaitAcknowledged(sent);
        rows.markPublished(published);
        if (!published.isEmpty()) {
            log.info("Published {} commands left in the outbox", published.size());
        }
        return published.size();
    }

    private List<Long> awaitAcknowledged(Map<Long, CompletableFuture<Void>> sent) {
        long deadline = System.nanoTime() + reachability.sendTimeout().toNanos();
        List<Long> published = new ArrayList<>();
        for (Map.Entry<Long, CompletableFuture<Void>> entry : sent.entrySet()) {
            try {
                entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                published.add(entry.getKey());
            } catch (ExecutionException | TimeoutException e) {
                // not acknowledged in time: the row stays due for the next round
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return published;
    }
}
