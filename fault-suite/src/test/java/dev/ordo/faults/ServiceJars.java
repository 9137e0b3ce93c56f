package dev.ordo.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The exec jars {@code package} made, found under {@code <module>/target} of this repository. */
final class ServiceJars {

    private ServiceJars() {
    }

    static Path of(String module) {
        Path target = repositoryRoot().resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            List<Path> jars = files.filter(file -> file.getFileName().toString().startsWith(module + "-")
                    && file.getFileName().toString().endsWith("-exec.jar")).toList();
            if (jars.size() != 1) {
                throw new IllegalStateException("Expected one " + module + "-*-exec.jar in " + target + ", but found "
                        + jars + "; run ./mvnw package first");
            }
            return jars.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + target + "; run ./mvnw package first", e);
        }
    }

    static Path repositoryRoot() {
        return Path.of(System.getProperty("ordo.repository.root", "..")).toAbsolutePath().normalize();
    }

    static Path logs() {
        return Path.of(System.getProperty("ordo.faults.logs", "target/fault-logs")).toAbsolutePath().normalize();
    }
}
