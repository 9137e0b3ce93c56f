package dev.ordo.projection.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CPU time, which other processes on a shared machine do not inflate as they do wall time: of one
 * thread of this JVM, and of the PostgreSQL server behind {@code jdbc} (its postmaster and every
 * process it started), read from {@code /proc} (Linux only).
 */
final class CpuTime {

    private static final double TICKS_PER_SECOND = 100.0;

    private CpuTime() {
    }

    /** Seconds of CPU the named live thread of this JVM used, or -1 when there is none. */
    static double thread(String name) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals(name))
                .findFirst().map(thread -> threads.getThreadCpuTime(thread.getId()) / 1e9).orElse(-1.0);
    }

    /** Seconds of CPU the PostgreSQL server's live processes used so far. */
    static double postgres(JdbcTemplate jdbc) {
        long backend = jdbc.queryForObject("SELECT pg_backend_pid()", Long.class);
        long postmaster = parent(backend);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(path -> Long.parseLong(path.getFileName().toString()))
                    .filter(pid -> pid == postmaster || parent(pid) == postmaster)
                    .mapToDouble(CpuTime::ticks).sum() / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long parent(long pid) {
        String[] fields = stat(pid);
        return fields.length > 1 ? Long.parseLong(fields[1]) : -1;
    }

    private static double ticks(long pid) {
        String[] fields = stat(pid);
        return fields.length > 12 ? Long.parseLong(fields[11]) + Long.parseLong(fields[12]) : 0;
    }

    /** The fields of {@code /proc/<pid>/stat} after the command name: state, ppid, ..., utime at 11, stime at 12. */
    private static String[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            return new String[0];
        }
    }
}
