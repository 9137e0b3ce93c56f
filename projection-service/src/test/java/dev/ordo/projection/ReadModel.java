package dev.ordo.projection;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the projection's tables straight from PostgreSQL. */
public final class ReadModel {

    private final JdbcTemplate jdbc;

    public ReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The execution's row as column name to value, or an empty map before it exists. */
    public Map<String, Object> execution(UUID id) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM readmodel.executions WHERE id = ?", id);
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    public long lastSequence(UUID id) {
        Object value = execution(id).get("last_sequence");
        return value == null ? 0 : ((Number) value).longValue();
    }

    public Object status(UUID id) {
        return execution(id).get("status");
    }

    public Map<String, Object> step(UUID id, String name) {
        return jdbc.queryForMap("SELECT *, output_data::text AS output_json FROM readmodel.step_executions "
                + "WHERE execution_id = ? AND step_name = ?", id, name);
    }

    public Map<String, Object> attempt(UUID id, String name, int attempt) {
        return jdbc.queryForMap("SELECT * FROM readmodel.step_attempts WHERE execution_id = ? AND step_name = ? "
                + "AND attempt = ?", id, name, attempt);
    }

    /** The execution's parked events, in log order: reason, sequence, event type, error. */
    public List<Map<String, Object>> parked(UUID id) {
        return jdbc.queryForList("SELECT reason, sequence, event_type, error, record_offset FROM readmodel.parked_events"
                + " WHERE execution_id = ? ORDER BY record_partition, record_offset", id);
    }

    public List<Object> parkedReasons(UUID id) {
        return parked(id).stream().map(row -> row.get("reason")).toList();
    }
}
