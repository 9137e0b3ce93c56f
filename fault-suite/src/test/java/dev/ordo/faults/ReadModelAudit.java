package dev.ordo.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The projection's read model ({@code readmodel} schema), read straight from PostgreSQL: whether it
 * has caught up with the log, and every row of every table for comparing it with a rebuild. Left out
 * of the comparison: Flyway's history, and the columns that say when a row was written rather than
 * what happened.
 */
final class ReadModelAudit {

    private static final String SCHEMA = "readmodel";
    private static final Set<String> EXCLUDED_TABLES = Set.of("flyway_schema_history");
    private static final Map<String, List<String>> EXCLUDED_COLUMNS = Map.of(
            "parked_events", List.of("parked_at"),
            "projection_progress", List.of("updated_at", "end_offset", "lag_events", "lag_ms", "lag_measured_at"));

    private final String jdbcUrl;

    ReadModelAudit(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * The executions whose read-model row is missing or behind the log: {@code id -> "row at n, log at m"}.
     */
    Map<String, String> behind(Map<String, Long> logLastSequences) throws SQLException {
        Map<String, Long> rows = new HashMap<>();
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("SELECT id::text, last_sequence FROM readmodel.executions");
             ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows.put(result.getString(1), result.getLong(2));
            }
        }
        Map<String, String> behind = new LinkedHashMap<>();
        logLastSequences.forEach((executionId, last) -> {
            Long row = rows.get(executionId);
            if (row == null || row < last) {
                behind.put(executionId, "row at " + row + ", log at " + last);
            }
        });
        return behind;
    }

    /** {@code reason -> how many events the projection parked for it} (see readmodel.parked_events). */
    Map<String, Long> parkedEvents() throws SQLException {
        Map<String, Long> parked = new LinkedHashMap<>();
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT reason, count(*) FROM readmodel.parked_events GROUP BY reason ORDER BY reason");
             ResultSet result = query.executeQuery()) {
            while (result.next()) {
                parked.put(result.getString(1), result.getLong(2));
            }
        }
        return parked;
    }

    /** {@code table -> its rows as JSON text, sorted}. */
    Map<String, List<String>> snapshot() throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Connection connection = connect()) {
            for (String table : tables(connection)) {
                String[] dropped = EXCLUDED_COLUMNS.getOrDefault(table, List.of()).toArray(String[]::new);
                try (PreparedStatement query = connection.prepareStatement("SELECT (to_jsonb(t) - ?::text[])::text FROM "
                        + SCHEMA + "." + table + " t ORDER BY 1")) {
                    query.setArray(1, connection.createArrayOf("text", dropped));
                    List<String> rows = new ArrayList<>();
                    try (ResultSet result = query.executeQuery()) {
                        while (result.next()) {
                            rows.add(result.getString(1));
                        }
                    }
                    tables.put(table, rows);
                }
            }
        }
        return tables;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            query.setString(1, SCHEMA);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    if (!EXCLUDED_TABLES.contains(result.getString(1))) {
                        tables.add(result.getString(1));
                    }
                }
            }
        }
        return tables;
    }

    /** Where two snapshots differ: per table, the rows only in the first and only in the second. */
    static Map<String, String> differences(Map<String, List<String>> live, Map<String, List<String>> rebuilt) {
        Map<String, String> differences = new LinkedHashMap<>();
        Set<String> tables = new java.util.TreeSet<>(live.keySet());
        tables.addAll(rebuilt.keySet());
        for (String table : tables) {
            List<String> onlyLive = new ArrayList<>(live.getOrDefault(table, List.of()));
            onlyLive.removeAll(rebuilt.getOrDefault(table, List.of()));
            List<String> onlyRebuilt = new ArrayList<>(rebuilt.getOrDefault(table, List.of()));
            onlyRebuilt.removeAll(live.getOrDefault(table, List.of()));
            if (!onlyLive.isEmpty() || !onlyRebuilt.isEmpty()) {
                differences.put(table, onlyLive.size() + " rows only live, e.g. " + first(onlyLive) + "; "
                        + onlyRebuilt.size() + " rows only rebuilt, e.g. " + first(onlyRebuilt));
            }
        }
        return differences;
    }

    private static String first(List<String> rows) {
        return rows.isEmpty() ? "-" : rows.get(0);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
    }
}
