package dev.ordo.api.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Marks rows published that their relay saw acknowledged, many per statement: one thread takes
 * whatever has queued up while the previous statement ran. A mark that is lost (a crash, the
 * database away) only makes the sweeper publish that row again, which the engine shrugs off.
 */
@Component
class PublishedMarks implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublishedMarks.class);
    private static final int MAX_BATCH = 1_000;

    private final OutboxRows rows;
    private final LinkedBlockingQueue<Long> acknowledged = new LinkedBlockingQueue<>();
    private volatile Thread writer;

    PublishedMarks(OutboxRows rows) {
        this.rows = rows;
    }

    void add(long rowId) {
        acknowledged.add(rowId);
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::writeUntilStopped, "outbox-marks");
        thread.setDaemon(true);
        writer = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = writer;
        writer = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writeQueued();
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }

    /** Stops after the web server finished its requests, so their marks are still written. */
    @Override
    public int getPhase() {
        return OutboxSweeper.PHASE;
    }

    private void writeUntilStopped() {
        while (writer == Thread.currentThread()) {
            try {
                Long first = acknowledged.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    List<Long> batch = new ArrayList<>(List.of(first));
                    acknowledged.drainTo(batch, MAX_BATCH - 1);
                    write(batch);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void writeQueued() {
        List<Long> batch = new ArrayList<>();
        while (acknowledged.drainTo(batch, MAX_BATCH) > 0) {
            write(batch);
            batch.clear();
        }
    }

    private void write(List<Long> batch) {
        try {
            rows.markPublished(batch);
        } catch (RuntimeException e) {
            log.warn("Could not mark {} outbox rows published; the sweeper will publish them again: {}", batch.size(),
                    e.toString());
        }
    }
}
