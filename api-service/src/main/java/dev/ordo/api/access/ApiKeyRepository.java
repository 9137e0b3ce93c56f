package dev.ordo.api.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code api.api_keys}: keys by id, with the digest of their secret, never the secret itself. */
@Repository
class ApiKeyRepository {

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiKey key, byte[] secretSha256) {
        jdbc.sql("""
                INSERT INTO api.api_keys (id, workspace_id, name, secret_sha256, created_at)
                VALUES (?, ?, ?, ?, ?)
                """).params(key.id(), key.workspaceId(), key.name(), secretSha256, utc(key.createdAt())).update();
    }

    Optional<StoredKey> find(UUID keyId) {
        return jdbc.sql("SELECT * FROM api.api_keys WHERE id = ?").param(keyId)
                .query((rs, row) -> new StoredKey(map(rs), rs.getBytes("secret_sha256"))).optional();
    }

    /** The keys of one workspace, or of every workspace when {@code workspaceId} is null, oldest first. */
    List<ApiKey> list(UUID workspaceId) {
        return jdbc.sql("""
                SELECT * FROM api.api_keys WHERE (CAST(? AS uuid) IS NULL OR workspace_id = ?)
                 ORDER BY created_at, id
                """).params(workspaceId, workspaceId).query((rs, row) -> map(rs)).list();
    }

    /** Marks the key revoked unless it already is; the key as it now stands, empty when there is none. */
    Optional<ApiKey> revoke(UUID keyId, Instant at) {
        jdbc.sql("UPDATE api.api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(utc(at), keyId).update();
        return find(keyId).map(StoredKey::key);
    }

    private static ApiKey map(ResultSet rs) throws SQLException {
        OffsetDateTime revokedAt = rs.getObject("revoked_at", OffsetDateTime.class);
        return new ApiKey(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class),
                rs.getString("name"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                revokedAt == null ? null : revokedAt.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
