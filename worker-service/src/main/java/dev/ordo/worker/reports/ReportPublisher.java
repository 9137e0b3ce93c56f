package dev.ordo.worker.reports;

import dev.ordo.contract.execution.StepReport;
import dev.ordo.contract.execution.StepReport.StepSucceededReport;
import dev.ordo.contract.wire.JsonCodec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes step reports, keyed by execution id, without waiting: {@link #publish} answers a future
 * that completes once the broker acknowledged the report, so a caller can send many and wait only
 * before it commits.
 *
 * <ul>
 *   <li>A report the broker (or the producer's {@code max.request.size}) refuses as too large is
 *       never sent again as it is: a success report is replaced by a terminal failure that says so
 *       ({@link OutcomeReports#refusedAsTooLarge}); any other report, a few hundred bytes long, is
 *       dropped with an error, and its future completes.</li>
 *   <li>Any other failure is retried, backing off from 200 ms to 5 s, until the report goes through
 *       or the publisher is closed; the future of a report not acknowledged by then fails, at the
 *       latest when its next try was due.</li>
 * </ul>
 *
 * <p>Thread-safe. Closing it closes the producer.
 */
public final class ReportPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReportPublisher.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final ScheduledExecutorService failures = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ordo-worker-report-failures");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    public ReportPublisher(Producer<String, byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /**
     * Sends {@code report}; the answer completes when the broker has it (or its replacement).
     *
     * @throws RuntimeException if the report cannot be encoded, which {@link OutcomeReports} prevents
     */
    public CompletableFuture<Void> publish(StepReport report) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        send(report, JsonCodec.instance().encode(report), acknowledged, FIRST_BACKOFF);
        return acknowledged;
    }

    private void send(StepReport report, byte[] value, CompletableFuture<Void> acknowledged, Duration backoff) {
        if (closed) {
            acknowledged.completeExceptionally(new IllegalStateException(
                    "Expected the report publisher to be open, but it is closed"));
            return;
        }
        try {
            producer.send(new ProducerRecord<>(topic, report.executionId().toString(), value), (metadata, error) -> {
                if (error == null) {
                    acknowledged.complete(null);
                } else {
                    later(() -> failed(report, value, error, acknowledged, backoff), Duration.ZERO, acknowledged);
                }
            });
        } catch (RuntimeException e) {
            later(() -> failed(report, value, e, acknowledged, backoff), Duration.ZERO, acknowledged);
        }
    }

    private void failed(StepReport report, byte[] value, Exception error, CompletableFuture<Void> acknowledged,
                        Duration backoff) {
        if (error instanceof RecordTooLargeException || error instanceof RecordBatchTooLargeException) {
            tooLarge(report, value.length, error, acknowledged);
            return;
        }
        log.warn("Could not publish {} of step '{}' attempt {} of execution {}; trying again in {} ms: {}",
                report.getClass().getSimpleName(), report.stepName(), report.attempt(), report.executionId(),
                backoff.toMillis(), error.toString());
        Duration next = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        later(() -> send(report, value, acknowledged, next), backoff, acknowledged);
    }

    private void tooLarge(StepReport report, int bytes, Exception error, CompletableFuture<Void> acknowledged) {
        if (report instanceof StepSucceededReport succeeded) {
            StepReport replacement = OutcomeReports.refusedAsTooLarge(succeeded, bytes, error.getMessage());
            send(replacement, JsonCodec.instance().encode(replacement), acknowledged, FIRST_BACKOFF);
            return;
        }
        log.error("Dropped {} of step '{}' attempt {} of execution {}: the broker refused its {} bytes as too large",
                report.getClass().getSimpleName(), report.stepName(), report.attempt(), report.executionId(), bytes);
        acknowledged.complete(null);
    }

    /** Failures are handled off the producer's I/O thread, which must never block on a send. */
    private void later(Runnable action, Duration delay, CompletableFuture<Void> acknowledged) {
        try {
            failures.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            acknowledged.completeExceptionally(new IllegalStateException(
                    "Expected the report publisher to be open, but it is closed"));
        }
    }

    /** Stops retrying and closes the producer, sending what it holds for up to {@code timeout}. */
    public void close(Duration timeout) {
        closed = true;
        failures.shutdown();
        producer.close(timeout);
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
