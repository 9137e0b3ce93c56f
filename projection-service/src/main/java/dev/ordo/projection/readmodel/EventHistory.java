package dev.ordo.projection.readmodel;

import static dev.ordo.projection.readmodel.StoredViews.utc;

import dev.ordo.contract.wire.EventEnvelope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code execution_events}: the events folded into each view since it was read, one row per
 * sequence, {@code data} the event as {@code JsonCodec} writes it (its {@code type} discriminator
 * included) through {@link PostgresText}. A row already there is left as it is.
 */
final class EventHistory {

    private final JdbcTemplate jdbc;
    private final String insert;

    EventHistory(JdbcTemplate jdbc, ReadModelSchema schema) {
        this.jdbc = jdbc;
        this.insert = schema.sql("""
                INSERT INTO {schema}.execution_events (execution_id, sequence, occurred_at, type, data)
                VALUES (?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (execution_id, sequence) DO NOTHING
                """);
    }

    void append(Collection<ExecutionView> views) {
        List<Object[]> rows = new ArrayList<>();
        for (ExecutionView view : views) {
            for (EventEnvelope envelope : view.foldedEvents) {
                rows.add(new Object[] {envelope.executionId(), envelope.sequence(), utc(envelope.occurredAt()),
                    typeName(envelope), PostgresText.json(envelope.event())});
            }
        }
        jdbc.batchUpdate(insert, rows);
    }

    /** The event's type discriminator, e.g. {@code StepScheduled}. */
    static String typeName(EventEnvelope envelope) {
        return envelope.event().getClass().getSimpleName();
    }
}
