package dev.ordo.projection.readmodel;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The tables the API reads (schema {@code readmodel}) and the beans that write them. */
@Configuration(proxyBeanMethods = false)
class LiveReadModel {

    @Bean
    ReadModelTables liveTables(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        return ReadModelTables.in(ReadModelSchema.LIVE, jdbc, transactions, clock);
    }

    @Bean
    EventLogProjector eventLogProjector(ReadModelTables liveTables) {
        return liveTables.projector();
    }

    @Bean
    ParkedEventStore parkedEventStore(ReadModelTables liveTables) {
        return liveTables.parkedEvents();
    }

    @Bean
    ParkedEventReplay parkedEventReplay(ReadModelTables liveTables) {
        return liveTables.replay();
    }

    @Bean
    LogPositions logPositions(ReadModelTables liveTables) {
        return liveTables.positions();
    }
}
