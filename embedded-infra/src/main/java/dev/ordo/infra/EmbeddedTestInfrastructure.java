package dev.ordo.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Embedded Kafka and PostgreSQL on free ports with data in a fresh temporary directory that
 * {@link #close()} deletes. PostgreSQL runs {@link PostgresDurability#FAST}: the data dies with the
 * test JVM, so nothing is forced to disk.
 */
final class EmbeddedTestInfrastructure implements RunningInfrastructure {

    private final Path dataDir;
    private final LocalInfrastructure infrastructure = new LocalInfrastructure(PostgresDurability.FAST);
    private final InfrastructureEndpoints endpoints;

    private EmbeddedTestInfrastructure(Path dataDir) {
        this.dataDir = dataDir;
        try {
            this.endpoints = infrastructure.start(InfrastructureSettings.embeddedOnFreePorts(dataDir));
        } catch (RuntimeException e) {
            DataDirectory.delete(dataDir);
            throw e;
        }
    }

    static EmbeddedTestInfrastructure start() {
        try {
            return new EmbeddedTestInfrastructure(Files.createTempDirectory("ordo-test-infra-"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary data directory", e);
        }
    }

    @Override
    public InfrastructureEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public void close() {
        try {
            infrastructure.close();
        } finally {
            DataDirectory.delete(dataDir);
        }
    }
}
