package dev.ordo.projection;

import static dev.ordo.projection.EventLog.ONE_STEP;
import static dev.ordo.projection.EventLog.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRejected;
import dev.ordo.contract.execution.ExecutionEvent.StepRetryScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepTimedOut;
import dev.ordo.contract.wire.EventEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rebuild from the log gives the live tables row for row, and the live projection loses nothing
 * while a rebuild swaps the tables under it. Runs in a database of its own ({@link RebuildTest}):
 * the swap replaces the whole schema.
 */
@RebuildTest
class RebuildIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final EventLog LOG = new EventLog(RebuildTest.TOPIC_PREFIX);

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    Http http;
    TableSnapshot tables;

    @BeforeEach
    void connect() {
        http = new Http(port);
        tables = new TableSnapshot(jdbc, "readmodel", Set.of("flyway_schema_history"), Map.of(
                "parked_events", List.of("parked_at"),
                "projection_progress", List.of("updated_at", "end_offset", "lag_events", "lag_ms", "lag_measured_at")));
    }

    @AfterAll
    static void closeLog() {
        LOG.close();
    }

    @Test
    void a_rebuild_from_the_log_equals_the_live_tables_row_for_row() {
        List<List<EventEnvelope>> mix = SimulatedExecutions.generate(7_001, 150, Instant.now().minusSeconds(3600));
        assertThat(endings(mix)).as("how the executions of the mix end")
                .contains("ExecutionCompleted", "ExecutionFailed", "ExecutionCancelled", "ExecutionTimedOut");
        assertThat(types(mix)).as("the events of the mix").contains(StepRetryScheduled.class, StepTimedOut.class,
                ExecutionEvent.CommandRejected.class);
        List<EventEnvelope> log = new ArrayList<>(SimulatedExecutions.interleaved(mix));
        UUID refused = UUID.randomUUID();
        log.add(new EventEnvelope(refused, 1, Instant.now(), new ExecutionRejected(null, 0, null, null, "unreadable")));
        awaitProjected(LOG.writeAll(log));
        UUID gapped = UUID.randomUUID();
        LOG.write(gapped, 1, started(ONE_STEP));
        LOG.write(gapped, 3, new StepScheduled("work", 1, Map.of(), null));
        LOG.writeGarbage(gapped, "not an event");
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM readmodel.parked_events WHERE execution_id = ?", Long.class, gapped) == 2);
        Map<String, List<String>> live = tables.take();
        assertThat(TableSnapshot.sizes(live)).allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());

        Map<String, Object> done = rebuild();

        assertThat(tables.take()).isEqualTo(live);
        assertThat(((Number) done.get("events_applied")).longValue()).isEqualTo(log.size() + 1);
        assertThat(((Number) done.get("events_per_second")).doubleValue()).isPositive();
        assertThat(done).containsEntry("partitions_total", 3).containsEntry("partitions_caught_up", 3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'readmodel_%'",
                Long.class)).isZero();
    }

    @Test
    void executions_that_keep_arriving_during_a_rebuild_are_all_in_the_tables_it_swaps_in() {
        List<List<EventEnvelope>> before = SimulatedExecutions.generate(7_002, 150, Instant.now().minusSeconds(600));
        awaitProjected(LOG.writeAll(SimulatedExecutions.interleaved(before)));
        List<List<EventEnvelope>> during = SimulatedExecutions.generate(7_003, 150, Instant.now());

        assertThat(http.post("/admin/rebuild").status()).isEqualTo(202);
        assertThat(http.post("/admin/rebuild").status()).isEqualTo(409);
        List<EventLog.Written> written = new ArrayList<>();
        for (List<EventEnvelope> execution : during) {
            written.addAll(LOG.writeAll(execution));
        }
        awaitRebuilt();
        awaitProjected(written);

        List<List<EventEnvelope>> all = new ArrayList<>(before);
        all.addAll(during);
        Map<UUID, Long> lastSequences = all.stream().collect(Collectors.toMap(events -> events.get(0).executionId(),
                events -> (long) events.size()));
        assertThat(storedLastSequences(lastSequences.keySet())).isEqualTo(lastSequences);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM readmodel.execution_events WHERE execution_id = ANY(?)",
                Long.class, (Object) lastSequences.keySet().toArray(UUID[]::new)))
                .isEqualTo(lastSequences.values().stream().mapToLong(Long::longValue).sum());
    }

    private Map<String, Object> rebuild() {
        Http.Response started = http.post("/admin/rebuild");
        assertThat(started.status()).isEqualTo(202);
        return awaitRebuilt();
    }

    private Map<String, Object> awaitRebuilt() {
        await().atMost(PATIENCE).until(() -> !List.of("preparing", "replaying", "swapping")
                .contains(http.get("/admin/rebuild").json().get("state")));
        Map<String, Object> status = http.get("/admin/rebuild").json();
        assertThat(status).as("rebuild status").containsEntry("state", "done").containsEntry("error", null);
        return status;
    }

    /** Waits until the live tables took every record of {@code written}. */
    private void awaitProjected(List<EventLog.Written> written) {
        Map<Integer, Long> last = EventLog.lastOffsets(written);
        await().atMost(PATIENCE).until(() -> last.entrySet().stream().allMatch(entry -> jdbc.queryForObject(
                "SELECT coalesce(max(last_offset), -1) FROM readmodel.projection_progress WHERE topic = ? "
                        + "AND partition = ?", Long.class, LOG.topic(), entry.getKey()) >= entry.getValue()));
    }

    private Map<UUID, Long> storedLastSequences(Set<UUID> ids) {
        return jdbc.query("SELECT id, last_sequence FROM readmodel.executions WHERE id = ANY(?)", rs -> {
            Map<UUID, Long> stored = new java.util.HashMap<>();
            while (rs.next()) {
                stored.put(rs.getObject("id", UUID.class), rs.getLong("last_sequence"));
            }
            return stored;
        }, (Object) ids.toArray(UUID[]::new));
    }

    private static Set<String> endings(List<List<EventEnvelope>> executions) {
        return executions.stream().map(events -> events.get(events.size() - 1).event().getClass().getSimpleName())
                .collect(Collectors.toSet());
    }

    private static Set<Class<?>> types(List<List<EventEnvelope>> executions) {
        return executions.stream().flatMap(List::stream).map(envelope -> envelope.event().getClass())
                .collect(Collectors.toSet());
    }
}
