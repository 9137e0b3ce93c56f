package dev.ordo.worker.tasks;

import dev.ordo.contract.execution.StepReport.StepStartedReport;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.worker.handlers.StepOutcome;
import dev.ordo.worker.reports.OutcomeReports;
import dev.ordo.worker.reports.ReportPublisher;
import dev.ordo.worker.tasks.DecodedTask.Readable;
import dev.ordo.worker.tasks.DecodedTask.Unattributable;
import dev.ordo.worker.tasks.DecodedTask.Unreadable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one record of the tasks topic and reports on it; the answer completes once every report it
 * sent was acknowledged, and only then may its offset be committed.
 *
 * <ul>
 *   <li>a readable task whose deadline has passed is reported failed (retryably) without running:
 *       the engine has timed the attempt out, or is about to;</li>
 *   <li>any other readable task is reported started, run while {@link HeartbeatSender} beats for
 *       it (carrying the progress its handler reports), and its outcome reported
 *       ({@link OutcomeReports}) once the beats have stopped;</li>
 *   <li>an unreadable task is reported failed, terminally: "task could not be decoded: ...";</li>
 *   <li>a record that names no attempt is logged and counted
 *       ({@code ordo.worker.tasks.undecodable{outcome=skipped}}), and done.</li>
 * </ul>
 */
public final class TaskRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);

    private final AttemptRunner attempts;
    private final ReportPublisher reports;
    private final String workerId;
    private final Clock clock;
    private final Counter reportedUndecodable;
    private final Counter skippedUndecodable;
    private final HeartbeatSender heartbeats;

    public TaskRunner(AttemptRunner attempts, ReportPublisher reports, String workerId, Clock clock,
                      MeterRegistry meters) {
        this.attempts = attempts;
        this.reports = reports;
        this.workerId = workerId;
        this.clock = clock;
        this.reportedUndecodable = undecodable(meters, "reported");
        this.skippedUndecodable = undecodable(meters, "skipped");
        this.heartbeats = new HeartbeatSender(reports, workerId, Counter.builder("ordo.worker.heartbeats")
                .description("Step heartbeats the worker sent").register(meters));
    }

    /** Stops every heartbeat; the attempts still running send none from now on. */
    @Override
    public void close() {
        heartbeats.close();
    }

    CompletableFuture<Void> run(ConsumerRecord<String, byte[]> record) {
        DecodedTask decoded = TaskDecoder.decode(record);
        if (decoded instanceof Readable readable) {
            return run(readable.task());
        }
        if (decoded instanceof Unreadable unreadable) {
            log.error("Undecodable task at {}-{}@{}; reporting step '{}' attempt {} of execution {} failed: {}",
                    record.topic(), record.partition(), record.offset(), unreadable.stepName(), unreadable.attempt(),
                    unreadable.executionId(), unreadable.problem());
            reportedUndecodable.increment();
            return reports.publish(OutcomeReports.failed(unreadable.executionId(), unreadable.stepName(),
                    unreadable.attempt(), "task could not be decoded: " + unreadable.problem(), false));
        }
        if (decoded instanceof Unattributable unattributable) {
            log.error("Skipped undecodable task at {}-{}@{}: it names no attempt to report on; {}", record.topic(),
                    record.partition(), record.offset(), unattributable.problem());
            skippedUndecodable.increment();
            return CompletableFuture.completedFuture(null);
        }
        throw new IllegalStateException("Expected a readable, unreadable or unattributable task, but it is " + decoded);
    }

    private CompletableFuture<Void> run(StepTask task) {
        if (task.deadline() != null && !Instant.now(clock).isBefore(task.deadline())) {
            return reports.publish(OutcomeReports.failed(task.executionId(), task.stepName(), task.attempt(),
                    "deadline " + task.deadline() + " passed before a worker took the task", true));
        }
        CompletableFuture<Void> started = reports.publish(
                new StepStartedReport(task.executionId(), task.stepName(), task.attempt(), workerId));
        StepOutcome outcome;
        try (HeartbeatSender.Beat beat = heartbeats.start(task)) {
            outcome = outcome(task, beat);
        }
        CompletableFuture<Void> ended = reports.publish(OutcomeReports.of(task, outcome));
        return CompletableFuture.allOf(started, ended);
    }

    private StepOutcome outcome(StepTask task, AttemptProgress progress) {
        try {
            return attempts.run(task, progress);
        } catch (RuntimeException e) {
            return new StepOutcome.Failed("handler failed: " + e, true);
        }
    }

    private static Counter undecodable(MeterRegistry meters, String outcome) {
        return Counter.builder("ordo.worker.tasks.undecodable").tag("outcome", outcome)
                .description("Task records the worker could not decode, by what it did with them")
                .register(meters);
    }
}
