package dev.ordo.api.web;

import java.sql.SQLTransientConnectionException;

/**
 * Tells a busy connection pool from an unreachable database. HikariCP signals both with a
 * {@link SQLTransientConnectionException}; when the database itself refused, that exception carries
 * the driver's failure as its cause, when every connection was simply in use it carries none.
 */
final class ConnectionPoolExhaustion {

    private ConnectionPoolExhaustion() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException timeout) {
                return timeout.getCause() == null && timeout.getNextException() == null;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
