package dev.ordo.projection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every row of every table of a schema, as JSON text in a stable order, to compare a read model
 * with itself at another moment: table name to its rows, each row a JSON object of its columns
 * (minus the excluded ones), sorted.
 */
public final class TableSnapshot {

    private final JdbcTemplate jdbc;
    private final String schema;
    private final Set<String> excludedTables;
    private final Map<String, List<String>> excludedColumns;

    /**
     * @param excludedTables tables left out (bookkeeping that may differ, e.g. Flyway's history)
     * @param excludedColumns per table, columns left out (e.g. when a row was written)
     */
    public TableSnapshot(JdbcTemplate jdbc, String schema, Set<String> excludedTables,
                         Map<String, List<String>> excludedColumns) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.excludedTables = excludedTables;
        this.excludedColumns = excludedColumns;
    }

    public Map<String, List<String>> take() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = ? "
                + "AND table_type = 'BASE TABLE' ORDER BY table_name", String.class, schema)) {
            if (!excludedTables.contains(table)) {
                String[] dropped = excludedColumns.getOrDefault(table, List.of()).toArray(String[]::new);
                tables.put(table, jdbc.queryForList("SELECT (to_jsonb(t) - ?::text[])::text AS row FROM " + schema + "."
                        + table + " t ORDER BY 1", String.class, (Object) dropped));
            }
        }
        return tables;
    }

    /** How many rows each table holds. */
    public static Map<String, Integer> sizes(Map<String, List<String>> snapshot) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        snapshot.forEach((table, rows) -> sizes.put(table, rows.size()));
        return sizes;
    }
}
