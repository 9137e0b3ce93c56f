package dev.ordo.api.definitions;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Whether a workflow has an execution that is not finished: accepted by api-service but not yet
 * seen by the projection, or seen and still {@code pending} or {@code running}. Before the
 * projection has created its read model, every accepted execution counts as pending.
 */
@Repository
class ActiveExecutions {

    private final JdbcClient jdbc;

    ActiveExecutions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean any(UUID workflowId) {
        String query = readModelExists() ? """
                SELECT count(*) FROM api.execution_submissions s
                  LEFT JOIN readmodel.executions e ON e.id = s.execution_id
                 WHERE s.workflow_id = ? AND (e.id IS NULL OR e.status IN ('pending', 'running'))
                """ : "SELECT count(*) FROM api.execution_submissions s WHERE s.workflow_id = ?";
        return jdbc.sql(query).param(workflowId).query(Long.class).single() > 0;
    }

    private boolean readModelExists() {
        return jdbc.sql("SELECT to_regclass('readmodel.executions') IS NOT NULL").query(Boolean.class).single();
    }
}
