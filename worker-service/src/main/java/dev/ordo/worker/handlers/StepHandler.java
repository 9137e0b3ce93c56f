package dev.ordo.worker.handlers;

import dev.ordo.contract.execution.StepTask;
import java.util.List;
import java.util.Map;

/**
 * Runs one kind of step, chosen by the task's {@code processing_type}. Register one as a Spring
 * bean in the worker's context, or list it in {@code META-INF/services/dev.ordo.worker.handlers.StepHandler}
 * of a jar on the worker's classpath (then it needs a public no-argument constructor); two handlers
 * for one processing type stop the worker at start-up ({@link StepHandlers}).
 *
 * <p>A handler keeps no state between tasks and may be called more than once for the same attempt,
 * also concurrently on different workers (delivery is at least once): {@link StepTask#idempotencyKey()}
 * identifies the attempt. The task's config has every {@code ${...}} reference resolved. A handler
 * returns how the attempt ended; an exception it throws fails the attempt retryably.
 */
public interface StepHandler {

    /** The {@code processing_type} this handler runs. */
    String processingType();

    /** Other names it runs under, such as an older name kept for existing definitions. */
    default List<String> aliases() {
        return List.of();
    }

    /**
     * The problems of a (resolved) config, each a sentence; the registry fails a task with any
     * terminally without calling {@link #handle}. Delegate to the same
     * {@link dev.ordo.contract.definition.HandlerConfig} that definition validation finds, so a
     * definition is refused for what its worker would refuse.
     */
    default List<String> problems(Map<String, Object> config) {
        return List.of();
    }

    StepOutcome handle(StepTask task, HandlerContext context);
}
