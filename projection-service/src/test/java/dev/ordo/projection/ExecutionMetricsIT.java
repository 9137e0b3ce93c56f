package dev.ordo.projection;

import static dev.ordo.projection.EventLog.ONE_STEP;
import static dev.ordo.projection.EventLog.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Execution and step-attempt counters follow the events the projection applies, once each, redelivered or not. */
@ProjectionTest
class ExecutionMetricsIT {

    private static final EventLog LOG = new EventLog();

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @AfterAll
    static void closeLog() {
        LOG.close();
    }

    @Test
    void a_completed_execution_delivered_twice_counts_one_start_one_completion_and_one_succeeded_attempt() {
        double started = count("ordo.executions", "started");
        double completed = count("ordo.executions", "completed");
        double succeeded = count("ordo.step.attempts", "succeeded");
        long timedExecutions = timed("ordo.execution.duration", "completed");
        long timedSteps = timed("ordo.step.duration", "succeeded");
        long queued = timed("ordo.step.queue.time", null);
        UUID execution = UUID.randomUUID();

        LOG.write(execution, 1, started(ONE_STEP), new StepScheduled("work", 1, Map.of(), null),
                new StepStarted("work", 1, "w"), new StepSucceeded("work", 1, Map.of()), new ExecutionCompleted());
        LOG.write(execution, 1, started(ONE_STEP), new StepScheduled("work", 1, Map.of(), null),
                new StepStarted("work", 1, "w"), new StepSucceeded("work", 1, Map.of()), new ExecutionCompleted());

        ReadModel readModel = new ReadModel(jdbc);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(readModel.status(execution)).isEqualTo("completed"));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count("ordo.executions", "started") - started).isEqualTo(1);
            assertThat(count("ordo.executions", "completed") - completed).isEqualTo(1);
            assertThat(count("ordo.step.attempts", "succeeded") - succeeded).isEqualTo(1);
            assertThat(timed("ordo.execution.duration", "completed") - timedExecutions).isEqualTo(1);
            assertThat(timed("ordo.step.duration", "succeeded") - timedSteps).isEqualTo(1);
            assertThat(timed("ordo.step.queue.time", null) - queued).isEqualTo(1);
        });
        String metrics = new Http(port).get("/actuator/prometheus").text();
        assertThat(metrics).containsPattern("(?m)^ordo_executions_total\\{[^}]*outcome=\"completed\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern(
                "(?m)^ordo_execution_duration_seconds_bucket\\{[^}]*outcome=\"completed\"[^}]*le=\"\\+Inf\"} [1-9]");
        assertThat(metrics).containsPattern("(?m)^ordo_step_queue_time_seconds_bucket\\{[^}]*le=\"0\\.1\"");
        assertThat(metrics).containsPattern("(?m)^ordo_projection_batch_size_events_count(\\{[^}]*})? [1-9]");
    }

    private long timed(String name, String outcome) {
        var search = meters.find(name);
        var timer = (outcome == null ? search : search.tag("outcome", outcome)).timer();
        return timer == null ? 0 : timer.count();
    }

    private double count(String name, String outcome) {
        var counter = meters.find(name).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
