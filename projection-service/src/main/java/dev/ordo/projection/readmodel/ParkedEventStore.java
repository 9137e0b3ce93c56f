package dev.ordo.projection.readmodel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code parked_events} of a {@link ReadModelSchema}: one row per event log record the projection did not apply, keyed
 * by its place in the log, so parking a redelivered record again changes nothing. Errors are cut
 * to {@value #ERROR_LIMIT} characters; the raw bytes are kept whole.
 */
public class ParkedEventStore {

    /** What {@link #summary()} reports. */
    public record Summary(long events, long executions, Instant oldestParkedAt) {
    }

    /** A parked row as an operator sees it (without its bytes). */
    public record Listed(UUID executionId, Long sequence, String eventType, String reason, String error, String topic,
                         int partition, long offset, Instant parkedAt) {
    }

    /** A parked row with its raw record, as replay reads it. */
    record Row(EventRecord record, ParkReason reason) {
    }

    static final int ERROR_LIMIT = 2_000;

    private final JdbcTemplate jdbc;
    private final ReadModelSchema schema;

    ParkedEventStore(JdbcTemplate jdbc, ReadModelSchema schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    void park(Collection<ParkedEvent> parked, Instant at) {
        jdbc.batchUpdate(schema.sql("""
                INSERT INTO {schema}.parked_events (record_topic, record_partition, record_offset, record_key, payload,
                    execution_id, sequence, event_type, reason, error, parked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (record_topic, record_partition, record_offset) DO NOTHING
                """), parked.stream().map(event -> row(event, at)).toList());
    }

    /** Those of {@code executionIds} that have parked events. */
    Set<UUID> parkedAmong(Collection<UUID> executionIds) {
        if (executionIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList(
                schema.sql("SELECT DISTINCT execution_id FROM {schema}.parked_events WHERE execution_id = ANY(?)"),
                UUID.class,
                (Object) executionIds.toArray(UUID[]::new)));
    }

    /** The parked rows of one execution, or all when {@code executionId} is null, in log order, locked. */
    List<Row> lockForReplay(UUID executionId) {
        String order = " ORDER BY record_topic, record_partition, record_offset FOR UPDATE";
        String columns = schema.sql("SELECT record_topic, record_partition, record_offset, record_key, payload, "
                + "reason FROM {schema}.parked_events");
        return executionId == null
                ? jdbc.query(columns + order, ParkedEventStore::replayRow)
                : jdbc.query(columns + " WHERE execution_id = ?" + order, ParkedEventStore::replayRow, executionId);
    }

    /** Forgets the rows of {@code records}: they were applied, or the read model already held them. */
    void remove(Collection<EventRecord> records) {
        jdbc.batchUpdate(schema.sql("DELETE FROM {schema}.parked_events WHERE record_topic = ? "
                + "AND record_partition = ? AND record_offset = ?"), records.stream()
                .map(record -> new Object[] {record.topic(), record.partition(), record.offset()}).toList());
    }

    /** Records why each of {@code parked} is (still) parked after a replay, keeping when it was first parked. */
    void reason(Collection<ParkedEvent> parked) {
        jdbc.batchUpdate(schema.sql("UPDATE {schema}.parked_events SET reason = ?, error = ?, execution_id = ?, "
                + "sequence = ?, event_type = ? WHERE record_topic = ? AND record_partition = ? AND record_offset = ?"),
                parked.stream().map(event -> new Object[] {event.reason().code(), error(event),
                    event.record().executionId(), event.record().sequence(), event.record().eventType(),
                    event.record().topic(), event.record().partition(), event.record().offset()}).toList());
    }

    /** The first {@code limit} parked rows of {@code executionId}, or of all when it is null, in log order. */
    public List<Listed> list(UUID executionId, int limit) {
        String sql = schema.sql("SELECT * FROM {schema}.parked_events")
                + (executionId == null ? "" : " WHERE execution_id = ?")
                + " ORDER BY record_topic, record_partition, record_offset LIMIT " + limit;
        Object[] args = executionId == null ? new Object[0] : new Object[] {executionId};
        return jdbc.query(sql, (rs, row) -> new Listed(rs.getObject("execution_id", UUID.class),
                rs.getObject("sequence", Long.class), rs.getString("event_type"), rs.getString("reason"),
                rs.getString("error"), rs.getString("record_topic"), rs.getInt("record_partition"),
                rs.getLong("record_offset"), instant(rs.getObject("parked_at", OffsetDateTime.class))), args);
    }

    /** Forgets one parked record for good, at an operator's word; returns whether there was one. */
    public boolean discard(String topic, int partition, long offset) {
        return jdbc.update(schema.sql("DELETE FROM {schema}.parked_events WHERE record_topic = ? "
                + "AND record_partition = ? AND record_offset = ?"), topic, partition, offset) > 0;
    }

    public Summary summary() {
        return jdbc.queryForObject(schema.sql("SELECT count(*), count(DISTINCT execution_id), min(parked_at) "
                + "FROM {schema}.parked_events"), (rs, row) -> new Summary(rs.getLong(1), rs.getLong(2),
                        instant(rs.getObject(3, OffsetDateTime.class))));
    }

    /** How many rows are parked for {@code executionId}, or in all when it is null. */
    long count(UUID executionId) {
        return executionId == null
                ? jdbc.queryForObject(schema.sql("SELECT count(*) FROM {schema}.parked_events"), Long.class)
                : jdbc.queryForObject(schema.sql("SELECT count(*) FROM {schema}.parked_events WHERE execution_id = ?"),
                        Long.class, executionId);
    }

    private static Object[] row(ParkedEvent event, Instant at) {
        EventRecord record = event.record();
        return new Object[] {record.topic(), record.partition(), record.offset(),
            PostgresText.text(record.key()), record.value(), record.executionId(), record.sequence(),
            record.eventType(), event.reason().code(), error(event), OffsetDateTime.ofInstant(at, ZoneOffset.UTC)};
    }

    private static String error(ParkedEvent event) {
        String error = String.valueOf(event.error());
        return PostgresText.text(error.length() <= ERROR_LIMIT ? error : error.substring(0, ERROR_LIMIT - 1) + "…");
    }

    private static Row replayRow(ResultSet rs, int row) throws SQLException {
        EventRecord record = EventRecord.decode(rs.getString("record_topic"), rs.getInt("record_partition"),
                rs.getLong("record_offset"), rs.getString("record_key"), rs.getBytes("payload"));
        return new Row(record, ParkReason.valueOf(rs.getString("reason").toUpperCase(Locale.ROOT)));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
