package dev.ordo.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class ConnectionPoolExhaustionTest {

    @Test
    void a_pool_timeout_without_a_driver_failure_is_a_busy_pool() {
        var busy = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"));

        assertThat(ConnectionPoolExhaustion.causedBy(busy)).isTrue();
    }

    @Test
    void a_pool_timeout_caused_by_a_refused_connection_is_a_database_outage() {
        var down = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out",
                        new ConnectException("Connection refused")));

        assertThat(ConnectionPoolExhaustion.causedBy(down)).isFalse();
    }

    @Test
    void a_failure_without_a_pool_timeout_is_not_a_busy_pool() {
        assertThat(ConnectionPoolExhaustion.causedBy(new IllegalStateException("other"))).isFalse();
    }
}
