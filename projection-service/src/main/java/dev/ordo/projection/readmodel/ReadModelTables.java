package dev.ordo.projection.readmodel;

import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The code that writes the read-model tables of one {@link ReadModelSchema}, wired together: the
 * live tables ({@link LiveReadModel}) and a rebuild's fresh copy run exactly the same fold and
 * writers, so a rebuild gives the rows the live projection gives.
 */
public final class ReadModelTables {

    private final ReadModelSchema schema;
    private final ParkedEventStore parkedEvents;
    private final LogPositions positions;
    private final EventLogProjector projector;
    private final ParkedEventReplay replay;

    private ReadModelTables(ReadModelSchema schema, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                            Clock clock) {
        this.schema = schema;
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        ReadModelRepository repository = new ReadModelRepository(jdbc, schema);
        this.parkedEvents = new ParkedEventStore(jdbc, schema);
        this.positions = new LogPositions(jdbc, schema);
        ExecutionFeeds feeds = new ExecutionFeeds(repository, parkedEvents, new StoredRows(transactions));
        this.projector = new EventLogProjector(feeds, parkedEvents, positions, transaction, clock);
        this.replay = new ParkedEventReplay(feeds, parkedEvents, transaction);
    }

    public static ReadModelTables in(ReadModelSchema schema, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                     Clock clock) {
        return new ReadModelTables(schema, jdbc, transactions, clock);
    }

    public ReadModelSchema schema() {
        return schema;
    }

    public EventLogProjector projector() {
        return projector;
    }

    public ParkedEventStore parkedEvents() {
        return parkedEvents;
    }

    public LogPositions positions() {
        return positions;
    }

    public ParkedEventReplay replay() {
        return replay;
    }
}
