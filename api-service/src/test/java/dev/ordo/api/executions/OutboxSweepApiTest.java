package dev.ordo.api.executions;

import static dev.ordo.api.Bodies.chain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.api.ApiTest;
import dev.ordo.api.CommandsTopic;
import dev.ordo.api.HttpApi;
import dev.ordo.api.TestWorkspace;
import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionCommand;
import dev.ordo.contract.execution.ExecutionCommand.CancelExecution;
import dev.ordo.contract.execution.ExecutionCommand.StartExecution;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.contract.wire.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A submission committed with its command, whose command the process never got to publish (it
 * crashed, or the broker was away): the sweeper publishes it, in order with later commands of
 * the same execution, and marks it published.
 */
@ApiTest
class OutboxSweepApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Topics topics;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private TestWorkspace workspace;
    private UUID workflowId;
    private CommandsTopic commands;

    @BeforeEach
    void aWorkflow() {
        workspace = TestWorkspace.create(new HttpApi(port));
        workflowId = UUID.fromString(workspace.createWorkflow(chain("swept", "a")));
        commands = CommandsTopic.fromNow(bootstrapServers, topics.commands());
    }

    @AfterEach
    void closeReader() {
        commands.close();
    }

    @Test
    void a_start_left_unpublished_by_a_crash_is_published_by_the_sweeper() {
        UUID executionId = UUID.randomUUID();
        StartExecution start = start(executionId);
        long row = committedButNeverPublished(submission(start), start);

        assertThat(status(executionId)).isEqualTo("pending");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(commands.commandsFor(executionId)).containsExactly(start));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(publishedAt(row)).isNotNull());
    }

    @Test
    void commands_of_one_execution_left_unpublished_are_published_in_the_order_they_were_written() {
        UUID executionId = UUID.randomUUID();
        StartExecution start = start(executionId);
        CancelExecution cancel = new CancelExecution(executionId, "cancelled on request",
                Instant.parse("2026-01-01T00:00:01Z"));
        committedButNeverPublished(submission(start), start);
        committedButNeverPublished(() -> { }, cancel);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(commands.commandsFor(executionId)).containsExactly(start, cancel));
    }

    private StartExecution start(UUID executionId) {
        return new StartExecution(executionId, workflowId, 1, UUID.fromString(workspace.id()),
                UUID.fromString(workspace.defaultProjectId()), new WorkflowSnapshot(3600, 3, Map.of(), List.of()),
                Map.of("swept", true), Instant.parse("2026-01-01T00:00:00Z"));
    }

    private Runnable submission(StartExecution start) {
        return () -> jdbc.sql("""
                INSERT INTO api.execution_submissions (execution_id, workflow_id, workflow_version, workspace_id,
                    project_id, execution_number, input_variables, submitted_at)
                VALUES (?, ?, 1, ?, ?, 1, '{"swept": true}'::jsonb, ?)
                """).params(start.executionId(), start.workflowId(), start.workspaceId(), start.projectId(),
                        OffsetDateTime.ofInstant(start.submittedAt(), ZoneOffset.UTC)).update();
    }

    /** What a commit leaves when the process dies before its relay published: rows, a minute old. */
    private long committedButNeverPublished(Runnable alongside, ExecutionCommand command) {
        alongside.run();
        return jdbc.sql("""
                INSERT INTO api.command_outbox (key, topic, payload, created_at)
                VALUES (?, ?, ?, now() - interval '1 minute') RETURNING id
                """).params(command.executionId().toString(), topics.commands(), JsonCodec.instance().encode(command))
                .query(Long.class).single();
    }

    private String status(UUID executionId) {
        HttpApi.Response status = workspace.api().get("/api/workflows/executions/" + executionId + "/status");
        assertThat(status.status()).as(status.text()).isEqualTo(200);
        return (String) status.json().get("status");
    }

    private OffsetDateTime publishedAt(long row) {
        return jdbc.sql("SELECT published_at FROM api.command_outbox WHERE id = ?").param(row)
                .query(OffsetDateTime.class).single();
    }
}
