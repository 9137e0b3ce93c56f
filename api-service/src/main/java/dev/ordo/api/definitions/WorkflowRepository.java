package dev.ordo.api.definitions;

import dev.ordo.events.wire.JsonCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Workflows and their versions in schema {@code api}. Every read is scoped to one workspace. */
@Repository
public class WorkflowRepository {

    private static final JsonCodec JSON = JsonCodec.instance();

    private final JdbcClient jdbc;

    WorkflowRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new workflow at version 1. @throws org.springframework.dao.DuplicateKeyException on a taken name */
    public void insert(Workflow workflow) {
        jdbc.sql("""
                INSERT INTO api.workflows (id, workspace_id, project_id, name, description, version, is_active,
                                           created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(workflow.id(), workflow.workspaceId(), workflow.projectId(), workflow.name(),
                        workflow.description(), workflow.version(), workflow.isActive(),
                        utc(workflow.createdAt()), utc(workflow.updatedAt()))
                .update();
        jdbc.sql("INSERT INTO api.workflow_versions (workflow_id, version, document, created_at) VALUES (?, ?, ?::jsonb, ?)")
                .params(workflow.id(), workflow.version(), JSON.encodeToString(workflow.document()),
                        utc(workflow.updatedAt()))
                .update();
    }

    /** The head version of a workflow of this workspace. */
    public Optional<Workflow> find(UUID workspaceId, UUID workflowId) {
        return jdbc.sql("""
                SELECT w.*, v.document FROM api.workflows w
                  JOIN api.workflow_versions v ON v.workflow_id = w.id AND v.version = w.version
                 WHERE w.id = ? AND w.workspace_id = ?
                """)
                .params(workflowId, workspaceId)
                .query(WorkflowRepository::map)
                .optional();
    }

    /** The next execution number of a workflow, counted atomically. */
    public long nextExecutionNumber(UUID workflowId) {
        return jdbc.sql("UPDATE api.workflows SET execution_count = execution_count + 1 WHERE id = ? RETURNING execution_count")
                .param(workflowId)
                .query(Long.class)
                .single();
    }

    public boolean projectBelongsTo(UUID projectId, UUID workspaceId) {
        return jdbc.sql("SELECT count(*) FROM api.projects WHERE id = ? AND workspace_id = ?")
                .params(projectId, workspaceId).query(Long.class).single() > 0;
    }

    private static Workflow map(ResultSet rs, int row) throws SQLException {
        return new Workflow(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class),
                rs.getObject("project_id", UUID.class), rs.getString("name"), rs.getString("description"),
                rs.getInt("version"), rs.getBoolean("is_active"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                JSON.decode(rs.getString("document"), WorkflowDocument.class));
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
