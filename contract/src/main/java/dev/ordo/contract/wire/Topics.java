package dev.ordo.contract.wire;

import java.util.Collection;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Names of the Kafka topics, all sharing one configurable prefix (default {@code workflow}).
 *
 * <p>Keys: every topic is keyed by the execution id, except {@link #stepTasks()}, keyed by
 * {@code <execution id>:<step name>:<attempt>} so that the steps of one execution, and the attempts
 * of one step, spread over the workers.
 * {@link #commands()} and {@link #stepReports()} must have the same partition count: the engine
 * task that owns an execution reads both.
 */
public record Topics(String prefix) {

    public static final String DEFAULT_PREFIX = "workflow";

    public Topics {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("Expected a topic prefix, but it is blank");
        }
    }

    public static Topics withDefaultPrefix() {
        return new Topics(DEFAULT_PREFIX);
    }

    /** {@code StartExecution} and {@code CancelExecution}, written by api-service. */
    public String commands() {
        return prefix + ".commands";
    }

    /** Worker reports about step attempts; the engine may reject them. */
    public String stepReports() {
        return prefix + ".step-reports";
    }

    /** One task per step attempt that needs no capability, written by the engine, read by every worker. */
    public String stepTasks() {
        return prefix + ".step-tasks";
    }

    /**
     * The tasks of {@code agent} steps that require {@code capabilities}:
     * {@code <prefix>.step-tasks.<capabilities sorted, distinct, joined by '.'>}, or {@link #stepTasks()}
     * for none. Capability names are letters, digits, {@code _} and {@code -} (definition validation
     * refuses others), so every set has its own topic.
     */
    public String stepTasks(Collection<String> capabilities) {
        if (capabilities == null || capabilities.isEmpty()) {
            return stepTasks();
        }
        return stepTasks() + "." + String.join(".", new TreeSet<>(capabilities));
    }

    /**
     * Every task topic a worker with {@code capabilities} serves: the plain one, and each one whose
     * capability set is a subset of them. Topics created later match too (the consumer finds them
     * on its next metadata refresh).
     */
    public Pattern stepTasksFor(Collection<String> capabilities) {
        String plain = Pattern.quote(stepTasks());
        if (capabilities == null || capabilities.isEmpty()) {
            return Pattern.compile(plain);
        }
        String any = new TreeSet<>(capabilities).stream().map(Pattern::quote).collect(Collectors.joining("|"));
        return Pattern.compile(plain + "(?:\\.(?:" + any + "))*");
    }

    /**
     * The live worker registry: a {@link WorkerAnnouncement} per worker instance, keyed by its id;
     * compacted, a tombstone for a clean stop ({@link LiveWorkers}).
     */
    public String workers() {
        return prefix + ".workers";
    }

    /** The event log, the system of record. Kept forever. */
    public String executionEvents() {
        return prefix + ".execution-events";
    }

    /** What changed in the read models, published by the projection after commit. */
    public String readModelUpdates() {
        return prefix + ".read-model-updates";
    }

    /**
     * The key of the task of one attempt: {@code <execution id>:<step name>:<attempt>}. Keyed by
     * attempt, the steps of a fan-out and the attempts of one step spread over the partitions, so a
     * retry need not wait behind a worker that holds its earlier attempt's partition and died
     * (tasks before issue 8 were keyed {@code <execution id>:<step name>}).
     */
    public static String stepTaskKey(java.util.UUID executionId, String stepName, int attempt) {
        return executionId + ":" + stepName + ":" + attempt;
    }
}
