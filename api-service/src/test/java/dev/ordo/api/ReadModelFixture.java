package dev.ordo.api;

import dev.ordo.contract.execution.ExecutionStatus;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stands in for projection-service in api-service tests: the columns of {@code readmodel.executions}
 * that api-service reads, and rows as the projection would write them once it has seen an execution.
 * Workflow and workspace may be null: the projection's row for a start the engine could not read.
 */
public final class ReadModelFixture {

    private ReadModelFixture() {
    }

    public static void ensureTable(JdbcClient jdbc) {
        jdbc.sql("""
                CREATE SCHEMA IF NOT EXISTS readmodel;
                CREATE TABLE IF NOT EXISTS readmodel.executions (
                    id uuid PRIMARY KEY, workflow_id uuid, workspace_id uuid, status text NOT NULL,
                    started_at timestamptz, completed_at timestamptz, error_message text, results jsonb,
                    total_steps integer NOT NULL DEFAULT 0, completed_steps integer NOT NULL DEFAULT 0,
                    failed_steps integer NOT NULL DEFAULT 0, skipped_steps integer NOT NULL DEFAULT 0,
                    running_steps integer NOT NULL DEFAULT 0)
                """).update();
    }

    /** Records that the projection has seen {@code executionId} in {@code status}. */
    public static void projected(JdbcClient jdbc, String executionId, String workflowId, String workspaceId,
                                 String status) {
        ensureTable(jdbc);
        jdbc.sql("""
                INSERT INTO readmodel.executions (id, workflow_id, workspace_id, status, started_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET status = excluded.status
                """).params(UUID.fromString(executionId), UUID.fromString(workflowId), UUID.fromString(workspaceId),
                        status, OffsetDateTime.now()).update();
    }

    /**
     * Records what the projection writes for an {@code ExecutionRejected}: a failed row with the
     * reason, whose workflow and workspace are unknown when the engine could not read the command.
     */
    public static void rejected(JdbcClient jdbc, String executionId, String workflowId, String workspaceId,
                                String reason) {
        ensureTable(jdbc);
        jdbc.sql("""
                INSERT INTO readmodel.executions (id, workflow_id, workspace_id, status, completed_at, error_message)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET status = excluded.status, error_message = excluded.error_message
                """).params(UUID.fromString(executionId), uuid(workflowId), uuid(workspaceId),
                        ExecutionStatus.FAILED.apiName(), OffsetDateTime.now(), reason).update();
    }

    private static UUID uuid(String id) {
        return id == null ? null : UUID.fromString(id);
    }
}
