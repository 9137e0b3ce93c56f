package dev.ordo.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.wire.EventEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The same records delivered again, however often, change no row of any read-model table. */
@ProjectionTest
class RedeliveryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final EventLog LOG = new EventLog();

    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void closeLog() {
        LOG.close();
    }

    @Test
    void a_batch_of_events_delivered_twice_more_changes_no_table() {
        List<List<EventEnvelope>> mix = SimulatedExecutions.generate(7_101, 40, Instant.now().minusSeconds(60));
        List<EventLog.Written> batch = LOG.writeAll(SimulatedExecutions.interleaved(mix));
        awaitTaken(batch);
        TableSnapshot tables = new TableSnapshot(jdbc, "readmodel", Set.of("flyway_schema_history",
                "projection_progress"), Map.of());
        Map<String, List<String>> before = tables.take();

        LOG.resend(batch);
        awaitTaken(LOG.resend(batch));

        assertThat(tables.take()).isEqualTo(before);
        assertThat(TableSnapshot.sizes(before)).containsKeys("executions", "step_executions", "step_attempts",
                "execution_events", "parked_events");
    }

    /** Waits until the live tables took every record of {@code written} (its position is stored with its rows). */
    private void awaitTaken(List<EventLog.Written> written) {
        Map<Integer, Long> last = EventLog.lastOffsets(written);
        await().atMost(PATIENCE).until(() -> last.entrySet().stream().allMatch(entry -> jdbc.queryForObject(
                "SELECT coalesce(max(last_offset), -1) FROM readmodel.projection_progress WHERE topic = ? "
                        + "AND partition = ?", Long.class, LOG.topic(), entry.getKey()) >= entry.getValue()));
    }
}
