package dev.ordo.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates, wipes and deletes the data root that holds the embedded servers' files. */
final class DataDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);

    private DataDirectory() {
    }

    /** Ensures {@code dir} exists, deleting its previous content first when {@code wipe} is set. */
    static void prepare(Path dir, boolean wipe) {
        if (wipe && hasContent(dir)) {
            refuseToWipeObviousMistakes(dir);
            LOG.info("Wiping data directory {}", dir);
            delete(dir);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data directory " + dir, e);
        }
    }

    private static boolean hasContent(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Files.exists(dir);
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read data directory " + dir, e);
        }
    }

    private static void refuseToWipeObviousMistakes(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        Path workingDir = Path.of("").toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        if (absolute.getParent() == null || absolute.equals(workingDir) || absolute.equals(home)
                || workingDir.startsWith(absolute)) {
            throw new IllegalArgumentException("Refusing to wipe " + absolute
                    + ": point the data directory at a dedicated folder such as .ordo-data");
        }
    }

    /** Deletes {@code dir} with everything below it; a missing directory is fine. */
    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    if (e != null && !(e instanceof NoSuchFileException)) {
                        throw e;
                    }
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete data directory " + dir, e);
        }
    }
}
