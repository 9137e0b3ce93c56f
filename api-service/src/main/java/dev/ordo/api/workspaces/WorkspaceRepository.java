package dev.ordo.api.workspaces;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Workspaces and their default project in schema {@code api}. */
@Repository
public class WorkspaceRepository {

    private static final String SELECT = """
            SELECT w.id, w.name, w.slug, w.created_at, w.updated_at, p.id AS default_project_id
              FROM api.workspaces w
              LEFT JOIN api.projects p ON p.workspace_id = w.id AND p.is_default
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    WorkspaceRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Workspace> findById(UUID id) {
        return jdbc.sql(SELECT + " WHERE w.id = ?").param(id).query(WorkspaceRepository::map).optional();
    }

    public Optional<Workspace> findBySlug(String slug) {
        return jdbc.sql(SELECT + " WHERE w.slug = ?").param(slug).query(WorkspaceRepository::map).optional();
    }

    /** Every workspace, oldest first. */
    public List<Workspace> list() {
        return jdbc.sql(SELECT + " ORDER BY w.created_at, w.slug").query(WorkspaceRepository::map).list();
    }

    /** Creates the workspace and its default project unless a workspace with this slug exists. */
    @Transactional
    public Workspace createIfAbsent(String name, String slug) {
        create(name, slug);
        return findBySlug(slug).orElseThrow();
    }

    /** Creates a workspace with its default project; empty when the slug is taken. */
    @Transactional
    public Optional<Workspace> create(String name, String slug) {
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
        UUID workspaceId = UUID.randomUUID();
        int inserted = jdbc.sql("""
                INSERT INTO api.workspaces (id, name, slug, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (slug) DO NOTHING
                """).params(workspaceId, name, slug, now, now).update();
        if (inserted == 0) {
            return Optional.empty();
        }
        jdbc.sql("""
                INSERT INTO api.projects (id, workspace_id, name, slug, is_default, created_at, updated_at)
                VALUES (?, ?, 'Default', 'default', true, ?, ?)
                """).params(UUID.randomUUID(), workspaceId, now, now).update();
        return findById(workspaceId);
    }

    private static Workspace map(ResultSet rs, int row) throws SQLException {
        return new Workspace(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("slug"),
                rs.getObject("default_project_id", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
