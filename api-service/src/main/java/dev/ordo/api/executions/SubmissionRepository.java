package dev.ordo.api.executions;

import dev.ordo.contract.wire.JsonCodec;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code api.execution_submissions}: what api-service accepted, before the projection knows of it. */
@Repository
class SubmissionRepository {

    private final JdbcClient jdbc;

    SubmissionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param rerunOf the execution this one runs again, or null */
    void insert(UUID executionId, UUID workflowId, int version, UUID workspaceId, UUID projectId, long number,
                String idempotencyKey, Map<String, Object> inputs, UUID rerunOf, Instant submittedAt) {
        jdbc.sql("""
                INSERT INTO api.execution_submissions (execution_id, workflow_id, workflow_version, workspace_id,
                    project_id, execution_number, idempotency_key, input_variables, rerun_of, submitted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                """)
                .params(executionId, workflowId, version, workspaceId, projectId, number, idempotencyKey,
                        JsonCodec.instance().encodeToString(inputs), rerunOf,
                        OffsetDateTime.ofInstant(submittedAt, ZoneOffset.UTC))
                .update();
    }

    Optional<UUID> findByIdempotencyKey(UUID workflowId, String key) {
        return jdbc.sql("SELECT execution_id FROM api.execution_submissions WHERE workflow_id = ? AND idempotency_key = ?")
                .params(workflowId, key).query(UUID.class).optional();
    }
}
