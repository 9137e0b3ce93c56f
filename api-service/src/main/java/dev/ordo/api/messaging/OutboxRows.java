package dev.ordo.api.messaging;

import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code api.command_outbox}. Ages are measured on the database's clock ({@code now()}), the one
 * clock every api-service instance shares.
 */
@Repository
class OutboxRows {

    private final JdbcClient jdbc;

    OutboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds an unpublished row in the caller's transaction and returns its id. */
    long insert(String key, String topic, byte[] payload) {
        return jdbc.sql("INSERT INTO api.command_outbox (key, topic, payload) VALUES (?, ?, ?) RETURNING id")
                .params(key, topic, payload)
                .query(Long.class)
                .single();
    }

    /** Whether a row of the same key, written before {@code row}, still waits to be published. */
    boolean hasEarlierUnpublished(OutboxRow row) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM api.command_outbox WHERE key = ? AND id < ? AND published_at IS NULL)
                """)
                .params(row.key(), row.id())
                .query(Boolean.class)
                .single();
    }

    /**
     * The rows to publish now, oldest first: for each key only its earliest unpublished row, and
     * only once that row is older than {@code untouchedFor} (younger ones are still their relay's).
     */
    List<OutboxRow> due(Duration untouchedFor, int limit) {
        return jdbc.sql("""
                SELECT id, key, topic, payload FROM (
                    SELECT DISTINCT ON (key) id, key, topic, payload, created_at
                      FROM api.command_outbox WHERE published_at IS NULL ORDER BY key, id) earliest
                 WHERE created_at < now() - make_interval(secs => ?)
                 ORDER BY id LIMIT ?
                """)
                .params(untouchedFor.toMillis() / 1000.0, limit)
                .query((rs, n) -> new OutboxRow(rs.getLong("id"), rs.getString("key"), rs.getString("topic"),
                        rs.getBytes("payload"), false))
                .list();
    }

    void markPublished(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE api.command_outbox SET published_at = now() WHERE id = ANY (?) AND published_at IS NULL")
                .param(ids.toArray(Long[]::new))
                .update();
    }

    /** Deletes up to {@code limit} rows published longer than {@code retention} ago; returns how many. */
    int deletePublishedBefore(Duration retention, int limit) {
        return jdbc.sql("""
                DELETE FROM api.command_outbox WHERE id IN (
                    SELECT id FROM api.command_outbox WHERE published_at < now() - make_interval(secs => ?) LIMIT ?)
                """)
                .params(retention.toMillis() / 1000.0, limit)
                .update();
    }
}
