package dev.ordo.contract.wire;

/**
 * Names of the Kafka topics, all sharing one configurable prefix (default {@code workflow}).
 *
 * <p>Keys: every topic is keyed by the execution id, except {@link #stepTasks()}, keyed by
 * {@code <execution id>:<step name>} so that the steps of one execution spread over the workers.
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

    /** One task per step attempt, written by the engine, read by workers. */
    public String stepTasks() {
        return prefix + ".step-tasks";
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
