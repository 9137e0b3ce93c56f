package dev.ordo.worker.tasks;

import dev.ordo.contract.definition.StepKind;
import dev.ordo.contract.execution.StepReport.StepHeartbeatReport;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.wire.RecordLimits;
import dev.ordo.worker.reports.ReportPublisher;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the heartbeats of running attempts, on one scheduler thread for all of them. An attempt of
 * a step with a heartbeat timeout H ({@link StepKind#heartbeatTimeout}) beats every H / 3 (at
 * least every {@value #SHORTEST_BEAT_MILLIS} ms apart), whether or not its handler reports
 * progress, so that one lost or late heartbeat never times it out. An attempt of a step without
 * one beats only to carry new progress, at most every {@value #UNWATCHED_BEAT_SECONDS} s. No beat
 * is sent after {@link Beat#close} returns, so none follows the attempt's outcome on the reports
 * topic. Heartbeats are not awaited: a lost one is covered by the next.
 */
final class HeartbeatSender implements AutoCloseable {

    static final long SHORTEST_BEAT_MILLIS = 100;
    static final long UNWATCHED_BEAT_SECONDS = 10;

    private static final Logger log = LoggerFactory.getLogger(HeartbeatSender.class);

    private final ReportPublisher reports;
    private final String workerId;
    private final Counter sent;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ordo-worker-heartbeats");
        thread.setDaemon(true);
        return thread;
    });

    HeartbeatSender(ReportPublisher reports, String workerId, Counter sent) {
        this.sent = sent;
        this.reports = reports;
        this.workerId = workerId;
    }

    /** How often an attempt of {@code task} beats. */
    static Duration interval(StepTask task) {
        Duration timeout = StepKind.heartbeatTimeout(task.config()).value();
        if (timeout == null) {
            return Duration.ofSeconds(UNWATCHED_BEAT_SECONDS);
        }
        return timeout.dividedBy(3).compareTo(Duration.ofMillis(SHORTEST_BEAT_MILLIS)) < 0
                ? Duration.ofMillis(SHORTEST_BEAT_MILLIS) : timeout.dividedBy(3);
    }

    /** Starts beating for {@code task}'s attempt, which has just been reported started. */
    Beat start(StepTask task) {
        boolean watched = StepKind.heartbeatTimeout(task.config()).value() != null;
        Beat beat = new Beat(task, watched);
        long millis = interval(task).toMillis();
        beat.schedule = clock.scheduleAtFixedRate(beat::send, millis, millis, TimeUnit.MILLISECONDS);
        return beat;
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }

    /** The heartbeats of one running attempt; close it when the handler returned, before its outcome is sent. */
    final class Beat implements AttemptProgress, AutoCloseable {

        private final StepTask task;
        private final boolean watched;
        private volatile ScheduledFuture<?> schedule;
        private Map<String, Object> progress;
        private boolean closed;

        private Beat(StepTask task, boolean watched) {
            this.task = task;
            this.watched = watched;
        }

        @Override
        public synchronized void heartbeat(Map<String, Object> news) {
            if (news == null) {
                return;
            }
            if (RecordLimits.encodedSize(news) > RecordLimits.MAX_PROGRESS_BYTES) {
                log.warn("Dropped progress of step '{}' attempt {} of execution {}: larger than {} bytes",
                        task.stepName(), task.attempt(), task.executionId(), RecordLimits.MAX_PROGRESS_BYTES);
                return;
            }
            progress = Collections.unmodifiableMap(new LinkedHashMap<>(news));
        }

        private synchronized void send() {
            if (closed) {
                cancel();
                return;
            }
            if (!watched && progress == null) {
                return;
            }
            try {
                reports.publish(new StepHeartbeatReport(task.executionId(), task.stepName(), task.attempt(), workerId,
                        progress));
                sent.increment();
                progress = null;
            } catch (RuntimeException e) {
                log.warn("Could not send a heartbeat of step '{}' attempt {} of execution {}: {}", task.stepName(),
                        task.attempt(), task.executionId(), e.toString());
            }
        }

        @Override
        public synchronized void close() {
            closed = true;
            cancel();
        }

        private void cancel() {
            ScheduledFuture<?> scheduled = schedule;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
