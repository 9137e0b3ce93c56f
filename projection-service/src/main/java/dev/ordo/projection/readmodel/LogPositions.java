package dev.ordo.projection.readmodel;

import static dev.ordo.projection.readmodel.StoredViews.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code projection_progress} of a {@link ReadModelSchema}: per partition of the event log, the
 * offset of the last record the tables took and the time of the last event they applied, advanced
 * in each batch's transaction (never backwards), so the rows and their place in the log agree; and
 * the lag as last measured. A partition measured before any batch reads {@code last_offset} -1.
 * {@code updated_at} is when the batch wrote its position, its last statement before the commit.
 */
public final class LogPositions {

    /** Where one partition stands. */
    public record Position(String topic, int partition, long lastOffset, Instant lastOccurredAt) {
    }

    /** One partition's lag, as measured at one moment. */
    public record Lag(String topic, int partition, long endOffset, long events, long millis) {
    }

    private record Key(String topic, int partition) {
    }

    private final JdbcTemplate jdbc;
    private final ReadModelSchema schema;

    LogPositions(JdbcTemplate jdbc, ReadModelSchema schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    /**
     * Lets the current transaction return from its commit before its WAL is on disk
     * ({@code synchronous_commit = off} for this transaction only). Call it only in a transaction that
     * {@link #advance advances} the positions of what it writes: a commit lost to a machine crash then
     * loses its position too, and the records are read again. Losing such a commit can never leave
     * a later one in place: PostgreSQL replays WAL in order.
     */
    void commitAsynchronously() {
        jdbc.execute("SET LOCAL synchronous_commit = off");
    }

    /** Moves each partition of {@code batch} to its last record, and to the last event of {@code applied}. */
    void advance(List<EventRecord> batch, Collection<EventRecord> applied) {
        Map<Key, Long> lastOffsets = new LinkedHashMap<>();
        batch.forEach(record -> lastOffsets.merge(key(record), record.offset(), Math::max));
        Map<Key, EventRecord> lastApplied = new LinkedHashMap<>();
        applied.forEach(record -> lastApplied.merge(key(record), record,
                (a, b) -> b.offset() > a.offset() ? b : a));
        List<Position> positions = new ArrayList<>();
        lastOffsets.forEach((key, offset) -> {
            EventRecord last = lastApplied.get(key);
            positions.add(new Position(key.topic(), key.partition(), offset,
                    last == null ? null : last.envelope().occurredAt()));
        });
        List<Object[]> rows = new ArrayList<>();
        positions.forEach(position -> rows.add(new Object[] {position.topic(), position.partition(),
            position.lastOffset(), utc(position.lastOccurredAt())}));
        jdbc.batchUpdate(schema.sql("""
                INSERT INTO {schema}.projection_progress AS progress (topic, partition, last_offset, last_occurred_at,
                    updated_at)
                VALUES (?, ?, ?, ?, clock_timestamp())
                ON CONFLICT (topic, partition) DO UPDATE SET
                    last_offset = greatest(progress.last_offset, excluded.last_offset),
                    last_occurred_at = CASE WHEN excluded.last_offset > progress.last_offset
                        THEN coalesce(excluded.last_occurred_at, progress.last_occurred_at)
                        ELSE progress.last_occurred_at END,
                    updated_at = excluded.updated_at
                """), rows);
    }

    /** Every partition of {@code topic} the tables took records from. */
    public List<Position> positions(String topic) {
        return jdbc.query(schema.sql("SELECT partition, last_offset, last_occurred_at FROM {schema}.projection_progress "
                + "WHERE topic = ? ORDER BY partition"), (rs, row) -> new Position(topic, rs.getInt("partition"),
                        rs.getLong("last_offset"), StoredViews.instant(rs, "last_occurred_at")), topic);
    }

    /** Records the lag just measured, in a statement of its own. */
    public void recordLag(Collection<Lag> lags) {
        jdbc.batchUpdate(schema.sql("""
                INSERT INTO {schema}.projection_progress (topic, partition, last_offset, updated_at, end_offset,
                    lag_events, lag_ms, lag_measured_at)
                VALUES (?, ?, -1, now(), ?, ?, ?, now())
                ON CONFLICT (topic, partition) DO UPDATE SET end_offset = excluded.end_offset,
                    lag_events = excluded.lag_events, lag_ms = excluded.lag_ms, lag_measured_at = excluded.lag_measured_at
                """), lags.stream().map(lag -> new Object[] {lag.topic(), lag.partition(), lag.endOffset(), lag.events(),
                    lag.millis()}).toList());
    }

    private static Key key(EventRecord record) {
        return new Key(record.topic(), record.partition());
    }
}
