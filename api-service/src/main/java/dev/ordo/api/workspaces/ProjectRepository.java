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

/** Projects in schema {@code api}, always read within one workspace. */
@Repository
class ProjectRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    ProjectRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A workspace's projects, the default first, then in creation order. */
    List<Project> list(UUID workspaceId) {
        return jdbc.sql("SELECT * FROM api.projects WHERE workspace_id = ? ORDER BY is_default DESC, created_at, slug")
                .param(workspaceId).query(ProjectRepository::map).list();
    }

    /** Creates a project; empty when the workspace already has one with this slug. */
    Optional<Project> create(UUID workspaceId, String name, String slug) {
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
        return jdbc.sql("""
                INSERT INTO api.projects (id, workspace_id, name, slug, is_default, created_at, updated_at)
                VALUES (?, ?, ?, ?, false, ?, ?)
                ON CONFLICT (workspace_id, slug) DO NOTHING
                RETURNING *
                """).params(UUID.randomUUID(), workspaceId, name, slug, now, now)
                .query(ProjectRepository::map).optional();
    }

    private static Project map(ResultSet rs, int row) throws SQLException {
        return new Project(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class),
                rs.getString("name"), rs.getString("slug"), rs.getBoolean("is_default"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
