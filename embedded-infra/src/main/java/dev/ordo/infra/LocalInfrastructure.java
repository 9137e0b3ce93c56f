package dev.ordo.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the infrastructure described by {@link InfrastructureSettings}: an {@link EmbeddedKafkaBroker}
 * unless an external Kafka is configured and an {@link EmbeddedPostgresServer} unless an external
 * database is configured. The two embedded servers start in parallel.
 *
 * <p>External servers are used as given and never touched; when both are external nothing is started
 * and the data directory is neither wiped nor created. {@link #close()} stops what this instance
 * started (Kafka first, then PostgreSQL) and may be called repeatedly. One instance starts at most
 * once at a time; it may be started again after {@link #close()}.
 *
 * <p>An embedded PostgreSQL is {@link PostgresDurability#DURABLE} (the local stack) unless the
 * instance is made with another durability (the shared test infrastructure uses
 * {@link PostgresDurability#FAST}).
 */
public final class LocalInfrastructure implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalInfrastructure.class);

    private final PostgresDurability postgresDurability;
    private EmbeddedKafkaBroker kafka;
    private EmbeddedPostgresServer postgres;
    private InfrastructureEndpoints endpoints;

    /** Infrastructure whose embedded PostgreSQL is {@link PostgresDurability#DURABLE}. */
    public LocalInfrastructure() {
        this(PostgresDurability.DURABLE);
    }

    public LocalInfrastructure(PostgresDurability postgresDurability) {
        this.postgresDurability = Objects.requireNonNull(postgresDurability, "postgresDurability");
    }

    /**
     * Starts what {@code settings} asks for and returns how to reach it.
     *
     * @throws IllegalStateException when this instance is already running or a server fails to start;
     *                               servers that did start are stopped again before it is thrown
     */
    public synchronized InfrastructureEndpoints start(InfrastructureSettings settings) {
        if (endpoints != null) {
            throw new IllegalStateException("Already started: " + endpoints);
        }
        if (settings.startsEmbeddedKafka() || settings.startsEmbeddedPostgres()) {
            DataDirectory.prepare(settings.dataDir(), settings.wipeDataDir());
        }
        EmbeddedKafkaBroker newKafka = settings.startsEmbeddedKafka()
                ? new EmbeddedKafkaBroker(settings.kafkaDataDir(), settings.kafkaPort(), settings.kafkaControllerPort())
                : null;
        EmbeddedPostgresServer newPostgres = settings.startsEmbeddedPostgres()
                ? new EmbeddedPostgresServer(settings.postgresDataDir(), settings.postgresPort(), postgresDurability)
                : null;
        startInParallel(newKafka, newPostgres);
        kafka = newKafka;
        postgres = newPostgres;
        endpoints = new InfrastructureEndpoints(
                kafka != null ? kafka.bootstrapServers() : settings.externalKafkaBootstrapServers().orElseThrow(),
                postgres != null ? postgres.jdbcUrl() : settings.externalDatabaseUrl().orElseThrow(),
                postgres != null ? postgres.username() : settings.databaseUser(),
                postgres != null ? postgres.password() : settings.databasePassword());
        LOG.info("Infrastructure ready: Kafka {} ({}), PostgreSQL {} ({})", endpoints.bootstrapServers(),
                kafka != null ? "embedded" : "external", endpoints.jdbcUrl(), postgres != null ? "embedded" : "external");
        return endpoints;
    }

    /** @return the endpoints of the last {@link #start}, empty when not running */
    public synchronized Optional<InfrastructureEndpoints> endpoints() {
        return Optional.ofNullable(endpoints);
    }

    /** Stops the servers this instance started: Kafka first, then PostgreSQL. */
    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        for (AutoCloseable server : started()) {
            try {
                server.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("Stopping local infrastructure failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        kafka = null;
        postgres = null;
        endpoints = null;
        if (failure != null) {
            throw failure;
        }
    }

    private List<AutoCloseable> started() {
        List<AutoCloseable> servers = new ArrayList<>();
        if (kafka != null) {
            servers.add(kafka);
        }
        if (postgres != null) {
            servers.add(postgres);
        }
        return servers;
    }

    private static void startInParallel(EmbeddedKafkaBroker kafka, EmbeddedPostgresServer postgres) {
        if (kafka == null && postgres == null) {
            return;
        }
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "ordo-infra-start-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<String> kafkaStart = executor.submit(startOrSkip(kafka == null ? null : kafka::start));
            Future<String> postgresStart = executor.submit(startOrSkip(postgres == null ? null : postgres::start));
            Exception kafkaFailure = awaitFailure(kafkaStart);
            Exception postgresFailure = awaitFailure(postgresStart);
            if (kafkaFailure != null || postgresFailure != null) {
                closeQuietly(kafka);
                closeQuietly(postgres);
                IllegalStateException failure = new IllegalStateException("Local infrastructure failed to start",
                        kafkaFailure != null ? kafkaFailure : postgresFailure);
                if (kafkaFailure != null && postgresFailure != null) {
                    failure.addSuppressed(postgresFailure);
                }
                throw failure;
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static Callable<String> startOrSkip(Supplier<String> start) {
        return () -> start == null ? null : start.get();
    }

    private static Exception awaitFailure(Future<String> start) {
        try {
            start.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private static void closeQuietly(AutoCloseable server) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (Exception e) {
            LOG.warn("Cleaning up after a failed start: {}", e.toString());
        }
    }
}
