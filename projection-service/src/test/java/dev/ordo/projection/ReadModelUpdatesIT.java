package dev.ordo.projection;

import static dev.ordo.projection.EventLog.ONE_STEP;
import static dev.ordo.projection.EventLog.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.contract.wire.ReadModelUpdate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Read-model updates go out after the batch's transaction committed, and never for one that rolled back. */
@ProjectionTest
class ReadModelUpdatesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final EventLog LOG = new EventLog();

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    UpdatesConsumer updates;

    @BeforeEach
    void openUpdates() {
        updates = new UpdatesConsumer();
    }

    @AfterEach
    void closeUpdates() {
        updates.close();
    }

    @AfterAll
    static void closeLog() {
        LOG.close();
    }

    @Test
    void a_committed_batch_publishes_what_it_applied_keyed_by_execution_and_a_redelivery_publishes_nothing() {
        UUID id = UUID.randomUUID();
        ExecutionStarted start = started(ONE_STEP);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<EventLog.Written> written = LOG.writeAll(List.of(new EventEnvelope(id, 1, t0, start),
                new EventEnvelope(id, 2, t0.plusMillis(1), new StepScheduled("work", 1, Map.of(), null)),
                new EventEnvelope(id, 3, t0.plusMillis(2), new StepSucceeded("work", 1, Map.of("n", 1))),
                new EventEnvelope(id, 4, t0.plusMillis(3), new ExecutionCompleted())));

        await().atMost(PATIENCE).until(() -> lastSequence(updates.of(id)) == 4);

        List<UpdatesConsumer.Received> received = updates.of(id);
        assertThat(received).extracting(UpdatesConsumer.Received::key).containsOnly(id.toString());
        ReadModelUpdate last = received.get(received.size() - 1).update();
        assertThat(last.status()).isEqualTo("completed");
        assertThat(last.workflowId()).isEqualTo(start.workflowId());
        assertThat(last.workspaceId()).isEqualTo(start.workspaceId());
        assertThat(received.stream().flatMap(update -> update.update().events().stream()).toList()).containsExactly(
                new ReadModelUpdate.AppliedEvent(1, "ExecutionStarted", null, t0),
                new ReadModelUpdate.AppliedEvent(2, "StepScheduled", "work", t0.plusMillis(1)),
                new ReadModelUpdate.AppliedEvent(3, "StepSucceeded", "work", t0.plusMillis(2)),
                new ReadModelUpdate.AppliedEvent(4, "ExecutionCompleted", null, t0.plusMillis(3)));

        LOG.resend(written);
        UUID after = UUID.randomUUID();
        LOG.write(after, 1, started(ONE_STEP));
        await().atMost(PATIENCE).until(() -> !updates.of(after).isEmpty());
        assertThat(updates.of(id)).hasSameSizeAs(received);
    }

    @Test
    void a_batch_that_rolls_back_publishes_nothing_and_its_retry_publishes_once_committed() {
        UUID id = UUID.randomUUID();
        Http http = new Http(port);
        jdbc.execute("ALTER TABLE readmodel.execution_events RENAME TO execution_events_away");
        try {
            LOG.write(id, 1, started(ONE_STEP), new StepScheduled("work", 1, Map.of(), null));
            await().atMost(PATIENCE).until(() -> ((Number) http.get("/actuator/health")
                    .map("components", "projection", "details").get("failed_batch_attempts")).longValue() >= 2);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> updates.of(id).isEmpty());
        } finally {
            jdbc.execute("ALTER TABLE readmodel.execution_events_away RENAME TO execution_events");
        }

        await().atMost(PATIENCE).until(() -> lastSequence(updates.of(id)) == 2);
        assertThat(updates.of(id).stream().flatMap(received -> received.update().events().stream()))
                .as("each event announced once, after its commit")
                .extracting(ReadModelUpdate.AppliedEvent::sequence).containsExactly(1L, 2L);
    }

    private static long lastSequence(List<UpdatesConsumer.Received> received) {
        return received.isEmpty() ? 0 : received.get(received.size() - 1).update().sequence();
    }
}
