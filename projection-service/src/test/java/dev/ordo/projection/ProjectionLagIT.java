package dev.ordo.projection;

import static dev.ordo.projection.EventLog.ONE_STEP;
import static dev.ordo.projection.EventLog.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.wire.EventEnvelope;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The projection's place in the log is stored with its rows, and its lag shows in meters and in that table. */
@ProjectionTest
class ProjectionLagIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final EventLog LOG = new EventLog();

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @AfterAll
    static void closeLog() {
        LOG.close();
    }

    @Test
    void each_batch_stores_its_place_in_the_log_and_a_caught_up_projection_lags_by_nothing() {
        UUID id = UUID.randomUUID();
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<EventLog.Written> written = LOG.writeAll(List.of(new EventEnvelope(id, 1, occurredAt,
                started(ONE_STEP))));
        long offset = written.get(0).offset();

        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Object> progress = progress();
            assertThat(progress).containsEntry("last_offset", offset).containsEntry("lag_events", 0L)
                    .containsEntry("lag_ms", 0L);
            assertThat((Timestamp) progress.get("lag_measured_at")).as("measured after the batch")
                    .isAfter((Timestamp) progress.get("updated_at"));
        });
        assertThat(((Timestamp) progress().get("last_occurred_at")).toInstant()).isEqualTo(occurredAt);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(gauge("ordo_projection_lag_events")).isZero());
        assertThat(gauge("ordo_projection_lag_ms")).isZero();
    }

    @Test
    void a_projection_that_cannot_store_falls_behind_in_events_and_in_time_then_catches_up() {
        UUID id = UUID.randomUUID();
        jdbc.execute("ALTER TABLE readmodel.execution_events RENAME TO execution_events_away");
        try {
            LOG.write(id, 1, started(ONE_STEP), new StepScheduled("work", 1, Map.of(), null));
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(gauge("ordo_projection_lag_events")).isGreaterThanOrEqualTo(2);
                assertThat(gauge("ordo_projection_lag_ms")).isGreaterThanOrEqualTo(400);
                assertThat((Long) progress().get("lag_events")).isGreaterThanOrEqualTo(2);
                assertThat((Long) progress().get("lag_ms")).isGreaterThanOrEqualTo(400);
            });
        } finally {
            jdbc.execute("ALTER TABLE readmodel.execution_events_away RENAME TO execution_events");
        }

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(gauge("ordo_projection_lag_events")).isZero();
            assertThat(gauge("ordo_projection_lag_ms")).isZero();
            assertThat(progress()).containsEntry("lag_events", 0L);
        });
    }

    private Map<String, Object> progress() {
        return jdbc.queryForMap("SELECT * FROM readmodel.projection_progress WHERE topic = ? AND partition = 0",
                LOG.topic());
    }

    private double gauge(String name) {
        String metrics = new Http(port).get("/actuator/prometheus").text();
        Matcher value = Pattern.compile("(?m)^" + name + "\\{[^}]*partition=\"0\"[^}]*} (\\S+)$").matcher(metrics);
        assertThat(value.find()).as(name + " in " + metrics).isTrue();
        return Double.parseDouble(value.group(1));
    }
}
