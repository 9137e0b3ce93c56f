package dev.ordo.api.live;

import dev.ordo.api.executions.reads.Columns;
import dev.ordo.api.executions.reads.ReadModelTables;
import dev.ordo.contract.wire.JsonCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the events live messages carry from {@code readmodel.execution_events}: the projection
 * writes them in the transaction whose commit the update announces, so they are there when the
 * update arrives.
 */
@Repository
class LiveEvents {

    /** One stored event; {@code workflowVersion} is null while the execution has no read-model row. */
    record LiveEvent(UUID executionId, long sequence, Instant occurredAt, String type, Map<String, Object> data,
                     Integer workflowVersion) {
    }

    /** The events of one execution with a sequence in {@code (after, upTo]}. */
    record Range(UUID executionId, long after, long upTo) {
    }

    private final JdbcClient jdbc;
    private final ReadModelTables tables;

    LiveEvents(JdbcClient jdbc, ReadModelTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    /** Every range in one query, by execution and sequence. */
    List<LiveEvent> in(Collection<Range> ranges) {
        if (ranges.isEmpty()) {
            return List.of();
        }
        UUID[] ids = ranges.stream().map(Range::executionId).toArray(UUID[]::new);
        Long[] after = ranges.stream().map(Range::after).toArray(Long[]::new);
        Long[] upTo = ranges.stream().map(Range::upTo).toArray(Long[]::new);
        return jdbc.sql("SELECT e.execution_id, e.sequence, e.occurred_at, e.type, e.data::text AS data,"
                        + " x.workflow_version FROM unnest(?::uuid[], ?::bigint[], ?::bigint[]) AS w(id, after_seq, upto_seq)"
                        + " JOIN " + tables.executionEvents() + " e ON e.execution_id = w.id"
                        + " AND e.sequence > w.after_seq AND e.sequence <= w.upto_seq"
                        + " LEFT JOIN " + tables.executions() + " x ON x.id = e.execution_id"
                        + " ORDER BY e.execution_id, e.sequence")
                .params(ids, after, upTo).query(LiveEvents::event).list();
    }

    /** Up to {@code limit} events of one execution after {@code after}, in sequence order. */
    List<LiveEvent> after(UUID executionId, long after, int limit) {
        return jdbc.sql("SELECT e.execution_id, e.sequence, e.occurred_at, e.type, e.data::text AS data,"
                        + " x.workflow_version FROM " + tables.executionEvents() + " e"
                        + " LEFT JOIN " + tables.executions() + " x ON x.id = e.execution_id"
                        + " WHERE e.execution_id = ? AND e.sequence > ? ORDER BY e.sequence LIMIT ?")
                .params(executionId, after, limit).query(LiveEvents::event).list();
    }

    /** The execution's last stored sequence, 0 for none. */
    long last(UUID executionId) {
        return jdbc.sql("SELECT coalesce(max(sequence), 0) FROM " + tables.executionEvents() + " e WHERE execution_id = ?")
                .param(executionId).query(Long.class).single();
    }

    @SuppressWarnings("unchecked")
    private static LiveEvent event(ResultSet rs, int row) throws SQLException {
        return new LiveEvent(Columns.uuid(rs, "execution_id"), rs.getLong("sequence"), Columns.instant(rs, "occurred_at"),
                rs.getString("type"), JsonCodec.instance().decode(rs.getString("data"), Map.class),
                Columns.integer(rs, "workflow_version"));
    }
}
