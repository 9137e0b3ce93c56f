package dev.ordo.projection.readmodel;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes rows inside the current transaction under a savepoint, and tells a refusal of the data
 * from a failure of the database. PostgreSQL refuses the data itself with the SQLSTATE classes
 * 22 (data exception, e.g. a value out of range), 23 (integrity constraint violation) and 54
 * (program limit exceeded, e.g. a row too large): those writes are rolled back to the savepoint and
 * reported, so the caller can park what caused them. Every other failure (connection lost,
 * database down, missing table, serialization failure, timeouts) is the database's, not the
 * record's: it propagates and fails the whole batch, which is then retried.
 */
final class StoredRows {

    private static final Set<String> REFUSED_DATA_CLASSES = Set.of("22", "23", "54");

    private final TransactionTemplate savepoint;

    StoredRows(PlatformTransactionManager transactions) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Runs {@code write}; returns PostgreSQL's reason when it refused the data, empty when stored. */
    Optional<String> write(Runnable write) {
        try {
            savepoint.executeWithoutResult(status -> write.run());
            return Optional.empty();
        } catch (DataAccessException e) {
            Optional<SQLException> refused = refusal(e);
            if (refused.isEmpty()) {
                throw e;
            }
            return Optional.of(String.valueOf(refused.get().getMessage()));
        }
    }

    /**
     * The SQL exception by which PostgreSQL refused the data, if {@code failure} is one: the
     * innermost, whose message is the server's own (a batch's outer one repeats the statement).
     */
    static Optional<SQLException> refusal(Throwable failure) {
        SQLException refused = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    refused = isRefusedData(next) ? next : refused;
                }
            }
        }
        return Optional.ofNullable(refused);
    }

    private static boolean isRefusedData(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.length() == 5 && REFUSED_DATA_CLASSES.contains(state.substring(0, 2));
    }
}
