package dev.ordo.projection;

import static dev.ordo.projection.EventLog.ONE_STEP;
import static dev.ordo.projection.EventLog.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Record failures park the record and everything behind it for that execution, visibly, while
 * every other execution keeps moving; failures of the database itself are retried, never parked.
 */
@ProjectionTest
class ParkingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final EventLog LOG = new EventLog();

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    ReadModel readModel;
    Http http;

    @BeforeEach
    void connect() {
        readModel = new ReadModel(jdbc);
        http = new Http(port);
    }

    @AfterAll
    static void closeLog() {
        LOG.close();
    }

    @Test
    void an_event_of_an_unknown_type_parks_its_execution_while_another_on_the_same_partition_is_fully_projected() {
        UUID poisoned = UUID.randomUUID();
        UUID healthy = UUID.randomUUID();
        LOG.write(poisoned, 1, started(ONE_STEP));
        LOG.writeGarbage(poisoned, "{\"execution_id\":\"" + poisoned + "\",\"sequence\":2,\"occurred_at\":\""
                + Instant.now() + "\",\"event\":{\"type\":\"StepPaused\",\"step_name\":\"work\"}}");
        LOG.write(poisoned, 3, new StepScheduled("work", 1, Map.of(), null), new StepStarted("work", 1, "w"));
        LOG.write(healthy, 1, started(ONE_STEP), new StepScheduled("work", 1, Map.of(), null),
                new StepSucceeded("work", 1, Map.of("ok", true)), new ExecutionCompleted());

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(readModel.status(healthy)).isEqualTo("completed");
            assertThat(readModel.parkedReasons(poisoned)).containsExactly("undecodable", "behind_parked", "behind_parked");
        });
        assertThat(readModel.lastSequence(poisoned)).isEqualTo(1);
        assertThat(readModel.parked(poisoned).get(0).get("error").toString()).contains("StepPaused");
        assertThat(readModel.parked(poisoned)).extracting(row -> row.get("sequence")).containsExactly(null, 3L, 4L);

        Http.Response health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        Map<String, Object> projection = health.map("components", "projection");
        assertThat(projection.get("status")).isEqualTo("DOWN");
        assertThat(((Number) health.map("components", "projection", "details").get("parked_events")).longValue())
                .isGreaterThanOrEqualTo(3);
        assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);

        Http.Response replay = http.post("/admin/parked-events/replay?execution_id=" + poisoned);
        assertThat(replay.json()).containsEntry("applied", 0).containsEntry("still_parked", 3);
        assertThat(replay.json().get("executions").toString()).contains("StepPaused");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_record_that_is_no_event_can_be_discarded_and_a_replay_applies_the_events_behind_it() {
        UUID littered = UUID.randomUUID();
        LOG.write(littered, 1, started(ONE_STEP));
        LOG.writeGarbage(littered, "not an event");
        LOG.write(littered, 2, new StepScheduled("work", 1, Map.of(), null), new StepStarted("work", 1, "w"));
        await().atMost(PATIENCE).until(() -> readModel.parked(littered).size() == 3);

        List<Map<String, Object>> listed = (List<Map<String, Object>>) http.get(
                "/admin/parked-events?execution_id=" + littered).json().get("items");
        assertThat(listed).extracting(row -> row.get("reason"))
                .containsExactly("undecodable", "behind_parked", "behind_parked");
        Map<String, Object> litter = listed.get(0);
        Http.Response discarded = http.delete("/admin/parked-events/" + litter.get("topic") + "/"
                + litter.get("partition") + "/" + litter.get("offset"));
        Http.Response replay = http.post("/admin/parked-events/replay?execution_id=" + littered);

        assertThat(discarded.status()).isEqualTo(200);
        assertThat(replay.json()).containsEntry("applied", 2).containsEntry("still_parked", 0);
        assertThat(readModel.step(littered, "work")).containsEntry("status", "running");
        assertThat(http.delete("/admin/parked-events/" + litter.get("topic") + "/" + litter.get("partition") + "/"
                + litter.get("offset")).status()).isEqualTo(404);
    }

    @Test
    void a_sequence_gap_parks_the_execution_and_shows_in_health_and_in_the_gap_metric() {
        UUID gapped = UUID.randomUUID();
        LOG.write(gapped, 1, started(ONE_STEP));
        LOG.write(gapped, 3, new StepScheduled("work", 1, Map.of(), null), new StepStarted("work", 1, "w"));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(readModel.parkedReasons(gapped)).containsExactly("sequence_gap", "behind_parked"));
        assertThat(readModel.parked(gapped).get(0).get("error").toString())
                .isEqualTo("Expected event 2 of execution " + gapped + ", but got event 3");
        assertThat(readModel.lastSequence(gapped)).isEqualTo(1);

        Map<String, Object> details = http.get("/actuator/health").map("components", "projection", "details");
        assertThat(((Number) details.get("executions_affected")).longValue()).isGreaterThanOrEqualTo(1);
        assertThat(details).containsKey("oldest_parked_at");
        String metrics = http.get("/actuator/prometheus").text();
        assertThat(metrics).containsPattern("(?m)^ordo_projection_gaps_total(\\{[^}]*})? [1-9]");
        assertThat(metrics).containsPattern("(?m)^ordo_projection_parked_events(\\{[^}]*})? [1-9]");
    }

    @Test
    void a_replay_after_the_missing_event_arrived_applies_the_parked_events_in_order() {
        UUID late = UUID.randomUUID();
        LOG.write(late, 1, started(ONE_STEP));
        LOG.write(late, 3, new StepStarted("work", 1, "w"), new StepSucceeded("work", 1, Map.of("n", 1)),
                new ExecutionCompleted());
        await().atMost(PATIENCE).until(() -> readModel.parked(late).size() == 3);
        LOG.write(late, 2, new StepScheduled("work", 1, Map.of(), null));
        await().atMost(PATIENCE).until(() -> readModel.parked(late).size() == 4);

        Http.Response replay = http.post("/admin/parked-events/replay?execution_id=" + late);

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json()).containsEntry("applied", 4).containsEntry("still_parked", 0);
        assertThat(readModel.parked(late)).isEmpty();
        assertThat(readModel.status(late)).isEqualTo("completed");
        assertThat(readModel.lastSequence(late)).isEqualTo(5);
        assertThat(readModel.step(late, "work")).containsEntry("status", "completed").containsEntry("worker_id", "w");
    }

    @Test
    void an_event_postgresql_refuses_is_parked_and_a_replay_applies_it_once_the_database_takes_it() {
        String refused = "refused by a test constraint";
        jdbc.execute("ALTER TABLE readmodel.step_executions ADD CONSTRAINT test_refusal CHECK (error_message IS "
                + "DISTINCT FROM '" + refused + "') NOT VALID");
        UUID unstorable = UUID.randomUUID();
        UUID healthy = UUID.randomUUID();
        try {
            LOG.write(unstorable, 1, started(ONE_STEP), new StepScheduled("work", 1, Map.of(), null),
                    new StepFailed("work", 1, refused, false), new ExecutionFailed("work", refused));
            LOG.write(healthy, 1, started(ONE_STEP), new StepScheduled("work", 1, Map.of(), null),
                    new StepSucceeded("work", 1, Map.of()), new ExecutionCompleted());
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(readModel.status(healthy)).isEqualTo("completed");
                assertThat(readModel.parkedReasons(unstorable)).containsExactly("unstorable", "behind_parked");
            });
            assertThat(readModel.lastSequence(unstorable)).isEqualTo(2);
            assertThat(readModel.parked(unstorable).get(0).get("error").toString()).contains("test_refusal");
        } finally {
            jdbc.execute("ALTER TABLE readmodel.step_executions DROP CONSTRAINT test_refusal");
        }

        Http.Response replay = http.post("/admin/parked-events/replay?execution_id=" + unstorable);

        assertThat(replay.json()).containsEntry("applied", 2).containsEntry("still_parked", 0);
        assertThat(readModel.status(unstorable)).isEqualTo("failed");
        assertThat(readModel.step(unstorable, "work")).containsEntry("error_message", refused);
    }

    @Test
    void a_batch_the_database_cannot_take_is_retried_until_it_can_and_nothing_is_parked() {
        UUID waiting = UUID.randomUUID();
        jdbc.execute("ALTER TABLE readmodel.step_attempts RENAME TO step_attempts_away");
        try {
            LOG.write(waiting, 1, started(ONE_STEP), new StepScheduled("work", 1, Map.of(), null));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                    ((Number) http.get("/actuator/health").map("components", "projection", "details")
                            .get("failed_batch_attempts")).longValue()).isPositive());
        } finally {
            jdbc.execute("ALTER TABLE readmodel.step_attempts_away RENAME TO step_attempts");
        }

        await().atMost(PATIENCE).until(() -> readModel.lastSequence(waiting) == 2);
        assertThat(readModel.parked(waiting)).isEmpty();
        assertThat(readModel.attempt(waiting, "work", 1)).containsEntry("status", "queued");
        assertThat(http.get("/actuator/health").map("components", "projection", "details"))
                .containsEntry("failed_batch_attempts", 0);
    }
}
