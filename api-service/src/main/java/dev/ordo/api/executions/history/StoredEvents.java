package dev.ordo.api.executions.history;

import dev.ordo.api.executions.reads.Columns;
import dev.ordo.api.executions.reads.ReadModelTables;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code readmodel.execution_events}: each execution's events as the projection applied them, one
 * row per sequence 1..n, written in the same transaction as the execution's rows. {@code data} is the
 * event as {@code JsonCodec} wrote it, its {@code type} discriminator included.
 */
@Repository
class StoredEvents {

    /** One stored event; {@code data} is its JSON text. */
    record StoredEvent(long sequence, Instant occurredAt, String type, String data) {
    }

    private final JdbcClient jdbc;
    private final ReadModelTables tables;

    StoredEvents(JdbcClient jdbc, ReadModelTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    /** Up to {@code limit} events after {@code afterSequence}, in sequence order. */
    List<StoredEvent> after(UUID executionId, long afterSequence, int limit) {
        return jdbc.sql("SELECT sequence, occurred_at, type, data::text AS data FROM " + tables.executionEvents()
                        + " h WHERE execution_id = ? AND sequence > ? ORDER BY sequence LIMIT ?")
                .params(executionId, afterSequence, limit).query(StoredEvents::event).list();
    }

    /** Events 1 to {@code sequence}, in order. */
    List<StoredEvent> upTo(UUID executionId, long sequence) {
        return jdbc.sql("SELECT sequence, occurred_at, type, data::text AS data FROM " + tables.executionEvents()
                        + " h WHERE execution_id = ? AND sequence <= ? ORDER BY sequence")
                .params(executionId, sequence).query(StoredEvents::event).list();
    }

    /** The last stored sequence, 0 for none. */
    long last(UUID executionId) {
        return jdbc.sql("SELECT coalesce(max(sequence), 0) FROM " + tables.executionEvents()
                        + " h WHERE execution_id = ?")
                .param(executionId).query(Long.class).single();
    }

    private static StoredEvent event(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(rs.getLong("sequence"), Columns.instant(rs, "occurred_at"), rs.getString("type"),
                rs.getString("data"));
    }
}
