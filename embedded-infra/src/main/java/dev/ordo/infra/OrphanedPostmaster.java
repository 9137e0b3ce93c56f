package dev.ordo.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what a previous, abruptly ended JVM left in a PostgreSQL data directory: a postmaster that
 * still runs (pg_ctl daemonises it, so it outlives its JVM) or a {@code postmaster.pid} whose process
 * is gone. A data directory whose zonky lock file ({@code epg-lock}) is still held belongs to a live
 * process and is never touched.
 */
final class OrphanedPostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final String PID_FILE = "postmaster.pid";
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    private static final long SHUTDOWN_WAIT_SECONDS = 15;

    private OrphanedPostmaster() {
    }

    /**
     * @throws IllegalStateException when another live process or this JVM already serves the directory
     */
    static void clear(Path clusterDir) {
        Path pidFile = clusterDir.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(clusterDir.resolve(ZONKY_LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse(clusterDir);
            }
            stopOrDiscard(pidFile);
        } catch (OverlappingFileLockException e) {
            throw inUse(clusterDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot inspect PostgreSQL data directory " + clusterDir, e);
        }
    }

    private static void stopOrDiscard(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<ProcessHandle> owner = lines.isEmpty() ? Optional.empty()
                : parsePid(lines.get(0)).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (owner.isPresent()) {
            Optional<String> command = owner.get().info().command();
            if (command.isEmpty()) {
                throw new IllegalStateException(pidFile + " names live process " + owner.get().pid()
                        + " whose command cannot be read; stop it by hand");
            }
            if (isPostgres(command.get())) {
                stop(owner.get());
            }
        }
        // A clean postmaster exit removes the file itself; a killed one, or a reused pid, does not.
        Files.deleteIfExists(pidFile);
    }

    private static void stop(ProcessHandle postmaster) {
        LOG.warn("Stopping orphaned PostgreSQL postmaster (pid {}) left behind by an earlier run", postmaster.pid());
        postmaster.destroy();
        if (!awaitExit(postmaster)) {
            postmaster.destroyForcibly();
            if (!awaitExit(postmaster)) {
                throw new IllegalStateException("Orphaned postmaster " + postmaster.pid() + " does not stop");
            }
        }
    }

    private static boolean awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Waiting for postmaster " + process.pid() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping postmaster " + process.pid(), e);
        }
    }

    private static boolean isPostgres(String command) {
        return Path.of(command).getFileName().toString().equals("postgres");
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static IllegalStateException inUse(Path clusterDir) {
        return new IllegalStateException("PostgreSQL data directory " + clusterDir
                + " is in use by another running PostgreSQL; stop it or choose another data directory");
    }
}
