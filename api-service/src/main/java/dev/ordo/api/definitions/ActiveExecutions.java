package dev.ordo.api.definitions;

import dev.ordo.contract.execution.ExecutionStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Whether a workflow has an execution that is not finished: accepted by api-service but not yet
 * seen by the projection, or seen in a status that is not terminal ({@code pending}, {@code running}).
 * A start the engine rejected is projected as {@code failed} and so never counts. Before the
 * projection has created its read model, every accepted execution counts as pending.
 */
@Repository
class ActiveExecutions {

    private static final List<String> UNFINISHED = Arrays.stream(ExecutionStatus.values())
            .filter(status -> !status.isTerminal())
            .map(ExecutionStatus::apiName)
            .distinct()
            .toList();

    private final JdbcClient jdbc;

    ActiveExecutions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean any(UUID workflowId) {
        if (!readModelExists()) {
            return jdbc.sql("SELECT count(*) FROM api.execution_submissions s WHERE s.workflow_id = ?")
                    .param(workflowId).query(Long.class).single() > 0;
        }
        List<Object> params = new ArrayList<>();
        params.add(workflowId);
        params.addAll(UNFINISHED);
        return jdbc.sql("""
                SELECT count(*) FROM api.execution_submissions s
                  LEFT JOIN readmodel.executions e ON e.id = s.execution_id
                 WHERE s.workflow_id = ? AND (e.id IS NULL OR e.status IN (%s))
                """.formatted(String.join(", ", Collections.nCopies(UNFINISHED.size(), "?"))))
                .params(params).query(Long.class).single() > 0;
    }

    private boolean readModelExists() {
        return jdbc.sql("SELECT to_regclass('readmodel.executions') IS NOT NULL").query(Boolean.class).single();
    }
}
