package dev.ordo.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds from {@code /proc}: of whole processes ({@code utime + stime}, all threads) and of a
 * JVM's threads grouped into components by thread-name prefix. Linux truncates thread names to 15
 * characters, so prefixes must be short.
 */
public final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100.0; // getconf CLK_TCK on Linux x86-64 and arm64

    /** Component → thread-name prefixes, checked in order; the rest counts as "other". */
    public static final Map<String, List<String>> LOCAL_STACK_GROUPS = groups();

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("engine", List.of("ordo-engine"));
        groups.put("worker", List.of("ordo-worker"));
        groups.put("projection", List.of("ordo-projection", "outbox-"));
        groups.put("kafka-listeners", List.of("container-"));
        groups.put("http", List.of("http-nio", "Catalina"));
        groups.put("kafka-clients", List.of("kafka-producer", "kafka-coordinat", "kafka-admin", "micrometer-kafk"));
        groups.put("kafka-broker", List.of("data-plane", "kafka-", "ExpirationReape", "group-coordinat", "controller-",
                "broker-", "transaction-log", "quorum", "raft", "share-", "persister", "executor-", "client-metrics"));
        groups.put("jvm", List.of("C1 ", "C2 ", "G1 ", "GC ", "VM ", "Cleaner", "Finalizer"));
        return groups;
    }

    public static double processSeconds(long pid) throws IOException {
        return ticks(Path.of("/proc", String.valueOf(pid), "stat")) / TICKS_PER_SECOND;
    }

    /** CPU seconds per component of one process's threads alive now (finished threads are lost). */
    public static Map<String, Double> threadGroupSeconds(long pid, Map<String, List<String>> groups) throws IOException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        groups.keySet().forEach(group -> seconds.put(group, 0.0));
        seconds.put("other", 0.0);
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    seconds.merge(groupOf(name, groups), ticks(stat) / TICKS_PER_SECOND, Double::sum);
                } catch (IOException gone) {
                    // the thread ended between listing and reading
                }
            }
        }
        return seconds;
    }

    /** The postmaster listening on {@code port} and its children (backends, background workers). */
    public static List<Long> postgresProcesses(int port) throws IOException {
        List<Long> pids = new java.util.ArrayList<>();
        Long postmaster = null;
        for (long pid : allPids()) {
            try {
                String cmdline = Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline"));
                if (cmdline.contains("bin/postgres") && cmdline.contains("-p\0" + port)) {
                    postmaster = pid;
                }
            } catch (IOException gone) {
                // ended
            }
        }
        if (postmaster == null) {
            return pids;
        }
        pids.add(postmaster);
        for (long pid : allPids()) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                if (Long.parseLong(fields[1]) == postmaster) {
                    pids.add(pid);
                }
            } catch (IOException gone) {
                // ended
            }
        }
        return pids;
    }

    private static String groupOf(String threadName, Map<String, List<String>> groups) {
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            for (String prefix : group.getValue()) {
                if (threadName.startsWith(prefix)) {
                    return group.getKey();
                }
            }
        }
        return "other";
    }

    private static long ticks(Path stat) throws IOException {
        return ticks(Files.readString(stat));
    }

    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static List<Long> allPids() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).toList();
        }
    }
}
