package dev.ordo.stack;

import dev.ordo.infra.InfrastructureEndpoints;
import dev.ordo.infra.SharedTestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the projection's rows straight from PostgreSQL, for facts the HTTP API does not show yet. */
final class ReadModelRows {

    record Attempt(int attempt, String status, Instant scheduledAt, Instant completedAt, Instant retryDueAt) {
    }

    private ReadModelRows() {
    }

    static List<Attempt> attempts(String executionId, String stepName) {
        String sql = "SELECT attempt, status, scheduled_at, completed_at, retry_due_at FROM readmodel.step_attempts "
                + "WHERE execution_id = ? AND step_name = ? ORDER BY attempt";
        List<Attempt> attempts = new ArrayList<>();
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, UUID.fromString(executionId));
            query.setString(2, stepName);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    attempts.add(new Attempt(rows.getInt(1), rows.getString(2), instant(rows, 3), instant(rows, 4),
                            instant(rows, 5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return attempts;
    }

    /** {@code step name -> [status, retry_count]} of one execution. */
    static java.util.Map<String, List<Object>> steps(String executionId) {
        String sql = "SELECT step_name, status, retry_count FROM readmodel.step_executions WHERE execution_id = ?";
        java.util.Map<String, List<Object>> steps = new java.util.TreeMap<>();
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, UUID.fromString(executionId));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    steps.put(rows.getString(1), List.of(rows.getString(2), rows.getInt(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return steps;
    }

    private static Connection connect() throws SQLException {
        InfrastructureEndpoints endpoints = SharedTestInfrastructure.endpoints();
        return DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.username(), endpoints.password());
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
