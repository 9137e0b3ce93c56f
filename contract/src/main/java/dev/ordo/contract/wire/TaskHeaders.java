package dev.ordo.contract.wire;

/**
 * Kafka record headers the engine puts on every step task, so that a worker can still report on an
 * attempt whose task it cannot decode. Values are UTF-8 text.
 */
public final class TaskHeaders {

    public static final String EXECUTION_ID = "ordo-execution-id";
    public static final String STEP_NAME = "ordo-step-name";
    public static final String ATTEMPT = "ordo-attempt";
    /**
     * The capabilities an {@code agent} step requires, sorted and joined by {@code ','}; absent for
     * none. The engine routes the task to {@code Topics.stepTasks(capabilities)} by it.
     */
    public static final String REQUIRED_CAPABILITIES = "ordo-required-capabilities";

    private TaskHeaders() {
    }
}
