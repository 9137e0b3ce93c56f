package dev.ordo.bench.cost;

import dev.ordo.bench.load.Api;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Server-side counters read at one moment: HTTP requests served (Prometheus
 * {@code http_server_requests_seconds_count}, actuator routes left out) and JSON codec counts per
 * service, and PostgreSQL's committed and rolled-back transactions (all databases) and, when the
 * extension is loaded, statements from {@code pg_stat_statements}.
 */
final class ServerCounters {

    static Map<String, Double> read(Api api, Map<String, String> services, Connection db, boolean statements)
            throws Exception {
        Map<String, Double> counters = new LinkedHashMap<>();
        for (Map.Entry<String, String> service : services.entrySet()) {
            String metrics = api.get(service.getValue(), "/actuator/prometheus");
            double http = 0;
            for (String line : metrics.split("\n")) {
                if (line.startsWith("http_server_requests_seconds_count{") && !line.contains("uri=\"/actuator")) {
                    http += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                } else if (line.startsWith("ordo_json_encodings_total")) {
                    counters.put(service.getKey() + ".json.encodings", Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
                } else if (line.startsWith("ordo_json_decodings_total")) {
                    counters.put(service.getKey() + ".json.decodings", Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
                }
            }
            counters.put(service.getKey() + ".http.requests", http);
        }
        try (Statement query = db.createStatement()) {
            try (ResultSet row = query.executeQuery("SELECT sum(xact_commit), sum(xact_rollback) FROM pg_stat_database")) {
                row.next();
                counters.put("pg.xact_commit", row.getDouble(1));
                counters.put("pg.xact_rollback", row.getDouble(2));
            }
            if (statements) {
                try (ResultSet row = query.executeQuery("SELECT sum(calls) FROM pg_stat_statements")) {
                    row.next();
                    counters.put("pg.statements", row.getDouble(1));
                }
            }
        }
        return counters;
    }

    static boolean statementsAvailable(Connection db) {
        try (Statement query = db.createStatement()) {
            query.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            query.executeQuery("SELECT sum(calls) FROM pg_stat_statements").close();
            return true;
        } catch (Exception e) {
            System.out.println("pg_stat_statements not available: " + e.getMessage().lines().findFirst().orElse(""));
            return false;
        }
    }

    private ServerCounters() {
    }
}
