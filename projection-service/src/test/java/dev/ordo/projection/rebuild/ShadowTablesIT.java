package dev.ordo.projection.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.projection.RebuildTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The swap itself refuses fresh tables that lack a record some live consumer took. */
@RebuildTest
class ShadowTablesIT {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void fresh_tables_behind_a_live_position_are_not_swapped_in_and_nothing_changes() {
        ShadowTables shadow = new ShadowTables(dataSource, jdbc, transactions,
                new String[] {"classpath:db/migration/readmodel"});
        shadow.create();
        try {
            jdbc.update("INSERT INTO readmodel.projection_progress (topic, partition, last_offset, updated_at) "
                    + "VALUES ('elsewhere', 0, 100, now())");
            jdbc.update("INSERT INTO readmodel_rebuild.projection_progress (topic, partition, last_offset, updated_at) "
                    + "VALUES ('elsewhere', 0, 99, now())");

            assertThat(shadow.swapIn()).isFalse();

            assertThat(jdbc.queryForList("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'readmodel%' "
                    + "ORDER BY nspname", String.class)).containsExactly("readmodel", "readmodel_rebuild");
            assertThat(jdbc.queryForObject("SELECT last_offset FROM readmodel.projection_progress "
                    + "WHERE topic = 'elsewhere'", Long.class)).isEqualTo(100);
        } finally {
            shadow.discard();
            jdbc.update("DELETE FROM readmodel.projection_progress WHERE topic = 'elsewhere'");
        }
    }
}
