package dev.ordo.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Every OS process the suite starts, so that none outlives it: {@link #killAll()} is called from each
 * test class's clean-up and, should the JVM end any other way, from a shutdown hook. A process is
 * killed together with its descendants (kill -9).
 */
final class ProcessReaper {

    private static final Set<ProcessHandle> LIVE = new LinkedHashSet<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::killAll, "ordo-fault-reaper"));
    }

    private ProcessReaper() {
    }

    static synchronized void track(ProcessHandle process) {
        LIVE.add(process);
    }

    static synchronized void forget(ProcessHandle process) {
        LIVE.remove(process);
    }

    /** Kills -9 {@code process} and everything it started, and waits until they are gone. */
    static void killTree(ProcessHandle process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(0, process);
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(ProcessReaper::awaitExit);
        forget(process);
    }

    static void killAll() {
        List<ProcessHandle> all;
        synchronized (ProcessReaper.class) {
            all = new ArrayList<>(LIVE);
        }
        all.forEach(ProcessReaper::killTree);
    }

    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Process " + process.pid() + " did not exit after kill -9", e);
        }
    }
}
