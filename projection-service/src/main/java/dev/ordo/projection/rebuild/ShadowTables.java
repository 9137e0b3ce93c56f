package dev.ordo.projection.rebuild;

import dev.ordo.projection.readmodel.ReadModelSchema;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fresh copy of the read model a rebuild fills: schema {@code readmodel_rebuild}, created empty
 * by the very migrations that made {@code readmodel}, so its tables, indexes and constraints are the
 * same. {@link #swapIn()} puts it in place of the live schema in one transaction: readers see the
 * old tables or the new ones, never neither, and the old ones are dropped with it. Safe with any
 * number of live consumers running: the swap checks, under locks, that nothing they took is lost.
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
     * Swaps the fresh tables in, if they hold every record the live ones took: in one transaction,
     * locks every live table (waiting at most 10 s for the batches and readers in flight, and holding
     * off the next ones), checks each partition's position, renames the live schema away and the
     * shadow to the live name, and drops the old tables. Every writer of the read model touches
     * {@code parked_events} before any other table, so locking it first cannot deadlock with them.
     * The rebuild's batches commit asynchronously, like the live ones; this transaction commits
     * synchronously, and its WAL flush carries every earlier commit to disk, so the tables swapped in
     * and their positions survive a machine crash together.
     *
     * @return false, changing nothing, when a live position is beyond the fresh tables' (read on)
     */
    boolean swapIn() {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            jdbc.execute("SET LOCAL lock_timeout = '10s'");
            jdbc.execute("SET LOCAL synchronous_commit = on");
            jdbc.execute("LOCK TABLE " + String.join(", ", liveTables()) + " IN ACCESS EXCLUSIVE MODE");
            if (!coversLive()) {
                status.setRollbackOnly();
                return false;
            }
            jdbc.execute("ALTER SCHEMA " + LIVE.name() + " RENAME TO " + REPLACED);
            jdbc.execute("ALTER SCHEMA " + SHADOW.name() + " RENAME TO " + LIVE.name());
            jdbc.execute("DROP SCHEMA " + REPLACED + " CASCADE");
            return true;
        }));
    }

    /** The live read model's tables, {@code parked_events} first. */
    private List<String> liveTables() {
        return jdbc.queryForList("SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables "
                + "WHERE schemaname = ? AND tablename <> 'flyway_schema_history' "
                + "ORDER BY tablename <> 'parked_events', tablename", String.class, LIVE.name());
    }

    /** Whether the fresh tables took, in each partition, at least the records the live ones took. */
    private boolean coversLive() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT NOT EXISTS (SELECT 1 FROM " + LIVE.name()
                + ".projection_progress live LEFT JOIN " + SHADOW.name() + ".projection_progress fresh "
                + "USING (topic, partition) WHERE live.last_offset > coalesce(fresh.last_offset, -1))", Boolean.class));
    }

    /** Drops the shadow tables of a rebuild that did not finish. */
    void discard() {
        jdbc.execute("DROP SCHEMA IF EXISTS " + SHADOW.name() + " CASCADE");
    }
}
