package dev.ordo.api.executions.reads;

import dev.ordo.contract.wire.JsonCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** Reading the read model's column types: timestamps as instants, jsonb through the one codec. */
public final class Columns {

    private Columns() {
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    public static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(ResultSet rs, String column) throws SQLException {
        return json(rs, column, Map.class);
    }

    public static <T> T json(ResultSet rs, String column, Class<T> type) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : JsonCodec.instance().decode(text, type);
    }
}
