package dev.ordo.api.definitions;

import dev.ordo.api.web.ApiException;
import dev.ordo.contract.wire.JsonCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Workflows and their versions in schema {@code api}. Every read is scoped to one workspace; every
 * version ever stored is kept until the workflow is deleted.
 */
@Repository
public class WorkflowRepository {

    private static final JsonCodec JSON = JsonCodec.instance();
    private static final String SELECT_WITH_VERSION = """
            SELECT w.id, w.workspace_id, w.project_id, w.name, w.description, w.is_active, w.metadata, w.created_at,
                   v.version, v.document, CASE WHEN v.version = w.version THEN w.updated_at ELSE v.created_at END
                   AS version_updated_at
              FROM api.workflows w
              JOIN api.workflow_versions v ON v.workflow_id = w.id
            """;

    /** The workspace, project and activity filter; see {@link #filterParams}. */
    private static final String FILTER = """
            w.workspace_id = ? AND (?::uuid IS NULL OR w.project_id = ?::uuid) \
            AND (?::boolean IS NULL OR w.is_active = ?::boolean)""";

    /** Which workflows a list shows; a null field does not filter. */
    public record Filter(UUID projectId, Boolean isActive) {
    }

    private final JdbcClient jdbc;

    WorkflowRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new workflow and its first version. @throws org.springframework.dao.DuplicateKeyException on a taken name */
    public void insert(Workflow workflow) {
        jdbc.sql("""
                INSERT INTO api.workflows (id, workspace_id, project_id, name, description, version, is_active,
                                           metadata, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                """)
                .params(workflow.id(), workflow.workspaceId(), workflow.projectId(), workflow.name(),
                        workflow.description(), workflow.version(), workflow.isActive(),
                        JSON.encodeToString(workflow.metadata()), utc(workflow.createdAt()), utc(workflow.updatedAt()))
                .update();
        insertVersion(workflow);
    }

    /** Stores the workflow's current document as its version {@code workflow.version()}. */
    void insertVersion(Workflow workflow) {
        jdbc.sql("INSERT INTO api.workflow_versions (workflow_id, version, document, created_at) VALUES (?, ?, ?::jsonb, ?)")
                .params(workflow.id(), workflow.version(), JSON.encodeToString(workflow.document()),
                        utc(workflow.updatedAt()))
                .update();
    }

    /** Rewrites the workflow row: descriptive fields, project and head version. @throws DuplicateKeyException on a taken name */
    void updateHead(Workflow workflow) {
        jdbc.sql("""
                UPDATE api.workflows SET project_id = ?, name = ?, description = ?, is_active = ?, metadata = ?::jsonb,
                                         version = ?, updated_at = ?
                 WHERE id = ?
                """)
                .params(workflow.projectId(), workflow.name(), workflow.description(), workflow.isActive(),
                        JSON.encodeToString(workflow.metadata()), workflow.version(), utc(workflow.updatedAt()),
                        workflow.id())
                .update();
    }

    /** The head version of a workflow of this workspace. */
    public Optional<Workflow> find(UUID workspaceId, UUID workflowId) {
        return jdbc.sql(SELECT_WITH_VERSION + " WHERE w.id = ? AND w.workspace_id = ? AND v.version = w.version")
                .params(workflowId, workspaceId).query(WorkflowRepository::map).optional();
    }

    /** The head version, its row locked until the transaction ends so that edits and deletes queue up. */
    Optional<Workflow> findForUpdate(UUID workspaceId, UUID workflowId) {
        return jdbc.sql(SELECT_WITH_VERSION + " WHERE w.id = ? AND w.workspace_id = ? AND v.version = w.version"
                        + " FOR UPDATE OF w")
                .params(workflowId, workspaceId).query(WorkflowRepository::map).optional();
    }

    /** One stored version of a workflow of this workspace. */
    public Optional<Workflow> findVersion(UUID workspaceId, UUID workflowId, int version) {
        return jdbc.sql(SELECT_WITH_VERSION + " WHERE w.id = ? AND w.workspace_id = ? AND v.version = ?")
                .params(workflowId, workspaceId, version).query(WorkflowRepository::map).optional();
    }

    /** A page of head versions, newest first. */
    List<Workflow> list(UUID workspaceId, Filter filter, int skip, int limit) {
        List<Object> params = new ArrayList<>(filterParams(workspaceId, filter));
        params.add(limit);
        params.add(skip);
        return jdbc.sql(SELECT_WITH_VERSION + " WHERE v.version = w.version AND " + FILTER
                        + " ORDER BY w.created_at DESC, w.id DESC LIMIT ? OFFSET ?")
                .params(params).query(WorkflowRepository::map).list();
    }

    long count(UUID workspaceId, Filter filter) {
        return jdbc.sql("SELECT count(*) FROM api.workflows w WHERE " + FILTER)
                .params(filterParams(workspaceId, filter)).query(Long.class).single();
    }

    void delete(UUID workflowId) {
        jdbc.sql("DELETE FROM api.workflows WHERE id = ?").param(workflowId).update();
    }

    /**
     * The next execution number of a workflow. Inside a transaction it locks the workflow's counter
     * row until commit, so concurrent submissions of one workflow wait for each other's commit: keep
     * that transaction short (never wait on the broker in it). A rollback gives the number back.
     */
    public long nextExecutionNumber(UUID workflowId) {
        return jdbc.sql("""
                INSERT INTO api.execution_counters (workflow_id, last_number) VALUES (?, 1)
                ON CONFLICT (workflow_id) DO UPDATE SET last_number = api.execution_counters.last_number + 1
                RETURNING last_number
                """)
                .param(workflowId)
                .query(Long.class)
                .single();
    }

    /**
     * Holds the workflow row, shared, until the transaction ends: other submissions go on, while an
     * edit or delete (which locks it for update) waits and then sees this submission.
     *
     * @throws ApiException 404 when the workflow was deleted meanwhile
     */
    public void holdAgainstDeletion(UUID workflowId) {
        jdbc.sql("SELECT id FROM api.workflows WHERE id = ? FOR SHARE")
                .param(workflowId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> ApiException.notFound("Workflow not found"));
    }

    public boolean projectBelongsTo(UUID projectId, UUID workspaceId) {
        return jdbc.sql("SELECT count(*) FROM api.projects WHERE id = ? AND workspace_id = ?")
                .params(projectId, workspaceId).query(Long.class).single() > 0;
    }

    private static List<Object> filterParams(UUID workspaceId, Filter filter) {
        List<Object> params = new ArrayList<>();
        params.add(workspaceId);
        params.add(filter.projectId());
        params.add(filter.projectId());
        params.add(filter.isActive());
        params.add(filter.isActive());
        return params;
    }

    @SuppressWarnings("unchecked")
    private static Workflow map(ResultSet rs, int row) throws SQLException {
        return new Workflow(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class),
                rs.getObject("project_id", UUID.class), rs.getString("name"), rs.getString("description"),
                rs.getInt("version"), rs.getBoolean("is_active"), JSON.decode(rs.getString("metadata"), Map.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("version_updated_at", OffsetDateTime.class).toInstant(),
                JSON.decode(rs.getString("document"), WorkflowDocument.class));
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
