package dev.ordo.projection.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;

/** Which failures are the record's (parked) and which the database's (the batch is retried). */
class StoredRowsTest {

    @Test
    void data_postgresql_refuses_is_the_records_failure() {
        assertThat(StoredRows.refusal(failure("22P05", "unsupported Unicode escape sequence"))).isPresent();
        assertThat(StoredRows.refusal(failure("22008", "timestamp out of range"))).isPresent();
        assertThat(StoredRows.refusal(failure("23514", "violates check constraint"))).isPresent();
        assertThat(StoredRows.refusal(failure("23502", "null value in column"))).isPresent();
        assertThat(StoredRows.refusal(failure("54000", "index row size exceeds maximum"))).isPresent();
    }

    @Test
    void a_database_that_is_down_missing_a_table_or_busy_is_not_the_records_failure() {
        assertThat(StoredRows.refusal(failure("08006", "connection failure"))).isEmpty();
        assertThat(StoredRows.refusal(failure("42P01", "relation does not exist"))).isEmpty();
        assertThat(StoredRows.refusal(failure("40001", "could not serialize access"))).isEmpty();
        assertThat(StoredRows.refusal(failure("57P01", "terminating connection due to administrator command"))).isEmpty();
        assertThat(StoredRows.refusal(failure("53100", "could not extend file: No space left"))).isEmpty();
        assertThat(StoredRows.refusal(new DataAccessResourceFailureException("no connection"))).isEmpty();
    }

    @Test
    void the_reason_is_the_servers_own_message_behind_a_batch() {
        SQLException server = new SQLException("ERROR: new row violates check constraint \"c\"", "23514");
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT ... was aborted", "23514", 0,
                new int[0], server);
        batch.setNextException(server);

        assertThat(StoredRows.refusal(new DataIntegrityViolationException("batch", batch))).containsSame(server);
    }

    private static RuntimeException failure(String sqlState, String message) {
        return new DataIntegrityViolationException(message, new SQLException(message, sqlState));
    }
}
