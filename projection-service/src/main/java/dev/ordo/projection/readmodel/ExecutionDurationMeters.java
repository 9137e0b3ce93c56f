package dev.ordo.projection.readmodel;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.StepFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.contract.execution.ExecutionEvent.StepTimedOut;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Times executions and step attempts from the live read model, after a batch is committed:
 * {@code ordo.execution.duration{outcome}} from the execution row's {@code started_at} to the terminal
 * event, {@code ordo.step.queue.time} from an attempt's {@code scheduled_at} to its StepStarted, and
 * {@code ordo.step.duration{outcome}} from its {@code started_at} to how it ended. Like the counters, it sees
 * only records applied for the first time. Percentile histograms with SLO buckets, so
 * {@code histogram_quantile} works in Prometheus.
 */
@Component
public class ExecutionDurationMeters {

    private static final Duration[] SLOS = {Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5),
        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5)};

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionDurationMeters.class);

    private final MeterRegistry registry;
    private final JdbcTemplate jdbc;

    ExecutionDurationMeters(MeterRegistry registry, JdbcTemplate jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
        timer("ordo.step.queue.time", null, "Step attempts from scheduled to started by a worker");
    }

    /**
     * Records the durations the given applied records end; call after their batch is committed. A read
     * that fails loses that sample only: timing never fails or redelivers a stored batch.
     */
    void batchStored(List<EventRecord> applied) {
        try {
            for (EventRecord record : applied) {
                time(record.envelope().executionId(), record.envelope().occurredAt(), record.envelope().event());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not time a stored batch: {}", e.toString());
        }
    }

    private void time(UUID execution, Instant at, ExecutionEvent event) {
        String terminal = ExecutionOutcomeMeters.terminalOutcome(event);
        if (terminal != null) {
            record(timer("ordo.execution.duration", terminal, "Executions from start to their terminal event"),
                    since(ReadModelSchema.LIVE.sql("SELECT started_at FROM {schema}.executions WHERE id = ?"),
                            at, execution));
        } else if (event instanceof StepStarted started) {
            record(timer("ordo.step.queue.time", null, null), attemptSince("scheduled_at", execution,
                    started.stepName(), started.attempt(), at));
        } else if (event instanceof StepSucceeded s) {
            stepEnded("succeeded", execution, s.stepName(), s.attempt(), at);
        } else if (event instanceof StepFailed f) {
            stepEnded("failed", execution, f.stepName(), f.attempt(), at);
        } else if (event instanceof StepTimedOut t) {
            stepEnded("timed_out", execution, t.stepName(), t.attempt(), at);
        }
    }

    private void stepEnded(String outcome, UUID execution, String step, int attempt, Instant at) {
        record(timer("ordo.step.duration", outcome, "Step attempts from started to how they ended"),
                attemptSince("started_at", execution, step, attempt, at));
    }

    private Duration attemptSince(String column, UUID execution, String step, int attempt, Instant at) {
        return since(ReadModelSchema.LIVE.sql("SELECT " + column + " FROM {schema}.step_attempts"
                + " WHERE execution_id = ? AND step_name = ? AND attempt = ?"), at, execution, step, attempt);
    }

    private Duration since(String sql, Instant at, Object... key) {
        List<Timestamp> from = jdbc.queryForList(sql, Timestamp.class, key);
        if (from.isEmpty() || from.get(0) == null) {
            return null;
        }
        Duration elapsed = Duration.between(from.get(0).toInstant(), at);
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }

    private static void record(Timer timer, Duration elapsed) {
        if (elapsed != null) {
            timer.record(elapsed);
        }
    }

    private Timer timer(String name, String outcome, String description) {
        Timer.Builder builder = Timer.builder(name).publishPercentileHistogram().serviceLevelObjectives(SLOS)
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofHours(1));
        if (outcome != null) {
            builder.tag("outcome", outcome);
        }
        if (description != null) {
            builder.description(description);
        }
        return builder.register(registry);
    }
}
