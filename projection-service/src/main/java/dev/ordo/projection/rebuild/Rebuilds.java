package dev.ordo.projection.rebuild;

import dev.ordo.contract.wire.Topics;
import dev.ordo.projection.readmodel.EventLogListener;
import dev.ordo.projection.readmodel.LogPositions;
import dev.ordo.projection.readmodel.ReadModelTables;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Starts rebuilds of the read model, one at a time, each on its own thread ({@link RebuildJob}),
 * and tells where the last one stands. A rebuild still running when the service stops is stopped
 * and its unfinished tables dropped; the live tables are left as they were.
 */
@Service
public class Rebuilds implements DisposableBean {

    private final ShadowTables shadow;
    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactions;
    private final ConsumerFactory<String, byte[]> consumers;
    private final LogPositions livePositions;
    private final LivePause live;
    private final Settings settings;
    private final Clock clock;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread rebuild = new Thread(runnable, "ordo-projection-rebuild");
        rebuild.setDaemon(true);
        return rebuild;
    });
    private RebuildJob current;

    /** The settings of a rebuild: topic, the live group (the rebuild's is {@code <group>-rebuild}), sizes, waits. */
    record Settings(String topic, String liveGroupId, int maxPollRecords, Duration pauseTimeout) {
    }

    Rebuilds(DataSource dataSource, JdbcTemplate jdbc, PlatformTransactionManager transactions,
             ConsumerFactory<String, byte[]> consumers, LogPositions livePositions,
             KafkaListenerEndpointRegistry listeners, Topics topics, Clock clock,
             @Value("${spring.flyway.locations}") String[] migrations,
             @Value("${spring.kafka.consumer.group-id}") String liveGroupId,
             @Value("${ordo.projection.rebuild.max-poll-records}") int maxPollRecords,
             @Value("${ordo.projection.rebuild.pause-timeout}") Duration pauseTimeout) {
        this.shadow = new ShadowTables(dataSource, jdbc, transactions, migrations);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.consumers = consumers;
        this.livePositions = livePositions;
        this.live = new LivePause(listeners, EventLogListener.ID, clock);
        this.settings = new Settings(topics.executionEvents(), liveGroupId, maxPollRecords, pauseTimeout);
        this.clock = clock;
    }

    /** Starts a rebuild; empty when one is already running. */
    public synchronized Optional<RebuildStatus> start() {
        if (current != null && current.status().isRunning()) {
            return Optional.empty();
        }
        RebuildJob job = new RebuildJob(shadow, () -> ReadModelTables.in(ShadowTables.SHADOW, jdbc, transactions, clock),
                () -> LogReader.fromBeginning(consumers, settings.topic(), settings.liveGroupId() + "-rebuild",
                        settings.maxPollRecords()), livePositions, live, settings.pauseTimeout(), clock);
        current = job;
        thread.execute(job::run);
        return Optional.of(job.status());
    }

    public synchronized RebuildStatus status() {
        return current == null ? RebuildStatus.idle() : current.status();
    }

    @Override
    public void destroy() throws InterruptedException {
        RebuildJob job;
        synchronized (this) {
            job = current;
        }
        if (job != null) {
            job.stop();
        }
        thread.shutdownNow();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }
}
