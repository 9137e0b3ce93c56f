package dev.ordo.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One service (or the whole local stack) running from its exec jar as its own JVM, as in production.
 * Its output goes to {@code <logs>/<name>-<n>.log}, one file per start. It is started anew by
 * {@link #start()} after {@link #kill()}, with the same environment and arguments.
 */
final class ServiceProcess implements AutoCloseable {

    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xss512k", "-XX:ActiveProcessorCount=2");
    static final String SERVICE_HEAP = "256m";

    private final String name;
    private final Path jar;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final Path logs;
    private final String heap;
    private Process process;
    private int starts;

    ServiceProcess(String name, Path jar, Map<String, String> environment, List<String> arguments, Path logs) {
        this(name, jar, environment, arguments, logs, SERVICE_HEAP);
    }

    ServiceProcess(String name, Path jar, Map<String, String> environment, List<String> arguments, Path logs,
                   String heap) {
        this.heap = heap;
        this.name = Objects.requireNonNull(name, "name");
        this.jar = Objects.requireNonNull(jar, "jar");
        this.environment = Map.copyOf(environment);
        this.arguments = List.copyOf(arguments);
        this.logs = logs;
    }

    synchronized ServiceProcess start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        starts++;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(logs);
            if (starts == 1) {
                deleteLogsOfEarlierRuns();
            }
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + " from " + jar, e);
        }
        ProcessReaper.track(process.toHandle());
        return this;
    }

    /** kill -9 of the JVM and anything it started; returns once they are gone. */
    synchronized void kill() {
        if (process != null) {
            ProcessReaper.killTree(process.toHandle());
            process = null;
        }
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    synchronized ProcessHandle handle() {
        if (process == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return process.toHandle();
    }

    Map<String, String> environment() {
        return environment;
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logs.resolve(name + "-" + starts + ".log");
    }

    private void deleteLogsOfEarlierRuns() throws IOException {
        try (var files = Files.list(logs)) {
            for (Path file : files.filter(file -> file.getFileName().toString().matches(
                    java.util.regex.Pattern.quote(name) + "-\\d+\\.log")).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Fails, naming its log file, when the process has exited on its own. */
    synchronized void requireAlive() {
        if (process != null && !process.isAlive()) {
            throw new IllegalStateException(name + " exited with status " + process.exitValue() + "; see " + logFile());
        }
    }

    @Override
    public void close() {
        kill();
    }
}
