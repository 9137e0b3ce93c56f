package dev.ordo.projection;

import static dev.ordo.projection.EventLog.ONE_STEP;
import static dev.ordo.projection.EventLog.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.contract.execution.ExecutionEvent.StepFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepRetryScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.contract.wire.JsonCodec;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the query routes read besides the rows of V1: each execution's event history, durations, retries now. */
@ProjectionTest
class EventHistoryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final EventLog LOG = new EventLog();

    @Autowired
    JdbcTemplate jdbc;

    ReadModel readModel;

    @BeforeEach
    void connect() {
        readModel = new ReadModel(jdbc);
    }

    @AfterAll
    static void closeLog() {
        LOG.close();
    }

    @Test
    void the_history_holds_every_applied_event_in_sequence_order_and_each_decodes_back_to_the_event() {
        UUID id = UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<EventEnvelope> log = envelopes(id, t0, started(ONE_STEP), new StepScheduled("work", 1, Map.of("a", 1),
                t0.plusSeconds(60)), new StepStarted("work", 1, "w-1"), new StepSucceeded("work", 1,
                Map.of("rows", List.of(1, 2), "nested", Map.of("x", "y"))), new ExecutionCompleted());
        LOG.writeAll(log);
        await().atMost(PATIENCE).until(() -> readModel.lastSequence(id) == 5);

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT sequence, occurred_at, type, data::text AS data "
                + "FROM readmodel.execution_events WHERE execution_id = ? ORDER BY sequence", id);

        assertThat(rows).extracting(row -> row.get("sequence")).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(rows).extracting(row -> row.get("type")).containsExactly("ExecutionStarted", "StepScheduled",
                "StepStarted", "StepSucceeded", "ExecutionCompleted");
        for (int i = 0; i < rows.size(); i++) {
            assertThat(JsonCodec.instance().decode((String) rows.get(i).get("data"), ExecutionEvent.class))
                    .isEqualTo(log.get(i).event());
            assertThat(((Timestamp) rows.get(i).get("occurred_at")).toInstant()).isEqualTo(log.get(i).occurredAt());
        }
    }

    @Test
    void an_execution_carries_its_steps_waiting_for_a_retry_and_once_finished_its_duration() {
        UUID id = UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LOG.writeAll(envelopes(id, t0, started(ONE_STEP), new StepScheduled("work", 1, Map.of(), null),
                new StepFailed("work", 1, "flaky", true), new StepRetryScheduled("work", 2, t0.plusSeconds(5), 5000)));
        await().atMost(PATIENCE).until(() -> readModel.lastSequence(id) == 4);
        assertThat(readModel.execution(id)).containsEntry("retrying_steps", 1).containsEntry("duration_ms", null);

        LOG.writeAll(List.of(new EventEnvelope(id, 5, t0.plusMillis(5_000), new StepScheduled("work", 2, Map.of(), null)),
                new EventEnvelope(id, 6, t0.plusMillis(6_000), new StepSucceeded("work", 2, Map.of())),
                new EventEnvelope(id, 7, t0.plusMillis(6_250), new ExecutionCompleted())));
        await().atMost(PATIENCE).until(() -> readModel.lastSequence(id) == 7);

        assertThat(readModel.execution(id)).containsEntry("retrying_steps", 0).containsEntry("duration_ms", 6_250L);
    }

    /** {@code events} as events 1..n of {@code id}, one millisecond apart from {@code t0}. */
    private static List<EventEnvelope> envelopes(UUID id, Instant t0, ExecutionEvent... events) {
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            envelopes.add(new EventEnvelope(id, i + 1, t0.plusMillis(i), events[i]));
        }
        return envelopes;
    }
}
