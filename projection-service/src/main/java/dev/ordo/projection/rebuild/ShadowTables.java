package dev.ordo.projection.rebuild;

import dev.ordo.projection.readmodel.ReadModelSchema;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fresh copy of the read model a rebuild fills: schema {@code readmodel_rebuild}, created empty
 * by the very migrations that made {@code readmodel}, so its tables, indexes and constraints are the
 * same. {@link #swapIn()} puts it in place of the live schema in one transaction: readers see the
 * old tables or the new ones, never neither, and the old ones are dropped with it.
 */
final class ShadowTables {

    static final ReadModelSchema SHADOW = ReadModelSchema.REBUILD;
    static final ReadModelSchema LIVE = ReadModelSchema.LIVE;
    private static final String REPLACED = "readmodel_replaced";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final String[] migrations;

    ShadowTables(DataSource dataSource, JdbcTemplate jdbc, PlatformTransactionManager transactions, String[] migrations) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.migrations = migrations.clone();
    }

    /** Drops what an earlier rebuild may have left, then creates the empty tables. */
    void create() {
        jdbc.execute("DROP SCHEMA IF EXISTS " + SHADOW.name() + " CASCADE");
        Flyway.configure().dataSource(dataSource).schemas(SHADOW.name()).locations(migrations).load().migrate();
    }

    /**
     * Renames the live schema away, the shadow to the live name, and drops the old tables, all in
     * one transaction; waits at most 10 s for the locks (readers of the old tables finish first).
     */
    void swapIn() {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL lock_timeout = '10s'");
            jdbc.execute("ALTER SCHEMA " + LIVE.name() + " RENAME TO " + REPLACED);
            jdbc.execute("ALTER SCHEMA " + SHADOW.name() + " RENAME TO " + LIVE.name());
            jdbc.execute("DROP SCHEMA " + REPLACED + " CASCADE");
        });
    }

    /** Drops the shadow tables of a rebuild that did not finish. */
    void discard() {
        jdbc.execute("DROP SCHEMA IF EXISTS " + SHADOW.name() + " CASCADE");
    }
}
