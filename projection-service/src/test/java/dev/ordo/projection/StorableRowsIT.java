package dev.ordo.projection;

import static dev.ordo.projection.EventLog.ONE_STEP;
import static dev.ordo.projection.EventLog.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRejected;
import dev.ordo.contract.execution.ExecutionEvent.IncidentRecorded;
import dev.ordo.contract.execution.ExecutionEvent.StepFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepRetryScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
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
import org.springframework.jdbc.core.JdbcTemplate;

/** Events from any source can be stored: text PostgreSQL refuses, refused starts, incidents. */
@ProjectionTest
class StorableRowsIT {

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
    void a_nul_in_a_step_output_and_error_is_stored_as_a_replacement_character_and_blocks_nothing() {
        UUID nul = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        LOG.write(nul, 1, started(ONE_STEP), new StepScheduled("work", 1, Map.of("in\u0000", "x"), null),
                new StepFailed("work", 1, "boom\u0000", true),
                new StepRetryScheduled("work", 2, Instant.now(), 0),
                new StepScheduled("work", 2, Map.of(), null),
                new StepSucceeded("work", 2, Map.of("k\u0000ey", "va\u0000lue", "list", List.of("\u0000", "\ud800"))),
                new ExecutionCompleted());
        LOG.write(after, 1, started(ONE_STEP), new StepScheduled("work", 1, Map.of(), null),
                new StepSucceeded("work", 1, Map.of()), new ExecutionCompleted());

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(readModel.status(after)).isEqualTo("completed");
            assertThat(readModel.status(nul)).isEqualTo("completed");
        });
        assertThat(readModel.parked(nul)).isEmpty();
        assertThat(readModel.step(nul, "work").get("output_json").toString())
                .contains("\"k\ufffdey\": \"va\ufffdlue\"").contains("[\"\ufffd\", \"\ufffd\"]");
        assertThat(readModel.attempt(nul, "work", 1)).containsEntry("error_message", "boom\ufffd");
    }

    @Test
    void a_refused_start_the_engine_could_not_read_reads_failed_with_its_reason() {
        UUID refused = UUID.randomUUID();
        LOG.write(refused, 1, new ExecutionRejected(null, 0, null, null, "Expected a StartExecution, but got bytes"));

        await().atMost(PATIENCE).until(() -> readModel.lastSequence(refused) == 1);
        Map<String, Object> row = readModel.execution(refused);
        assertThat(row).containsEntry("status", "failed")
                .containsEntry("error_message", "Expected a StartExecution, but got bytes")
                .containsEntry("workflow_id", null).containsEntry("workspace_id", null)
                .containsEntry("definition", null).containsEntry("total_steps", 0);
        assertThat(row.get("completed_at")).isNotNull();
    }

    @Test
    void an_incident_shows_in_the_error_details_of_the_execution_it_failed() {
        UUID failed = UUID.randomUUID();
        LOG.write(failed, 1, started(ONE_STEP), new StepScheduled("work", 1, Map.of(), null),
                new IncidentRecorded("StepSucceededReport", "work", "template blew up"),
                new ExecutionFailed("work", "The engine failed: template blew up"));

        await().atMost(PATIENCE).until(() -> "failed".equals(readModel.status(failed)));
        String details = jdbc.queryForObject("SELECT error_details::text FROM readmodel.executions WHERE id = ?",
                String.class, failed);
        assertThat(details).contains("\"incident\": {").contains("\"error\": \"template blew up\"")
                .contains("\"input\": \"StepSucceededReport\"").contains("\"failed_step\": \"work\"");
    }
}
