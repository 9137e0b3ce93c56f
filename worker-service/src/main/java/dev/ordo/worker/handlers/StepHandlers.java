package dev.ordo.worker.handlers;

import dev.ordo.contract.execution.StepTask;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The registry of handlers, one per {@code processing_type}; {@code default} when none is named. */
@Component
public class StepHandlers {

    private final Map<String, StepHandler> byType;

    StepHandlers(List<StepHandler> handlers) {
        this.byType = handlers.stream().collect(Collectors.toUnmodifiableMap(StepHandler::processingType,
                Function.identity()));
    }

    /** Runs the task's handler; an unknown type or a handler that throws fails the attempt. */
    public StepOutcome run(StepTask task) {
        Object type = task.config().getOrDefault("processing_type", "default");
        StepHandler handler = byType.get(String.valueOf(type));
        if (handler == null) {
            return StepOutcome.failedTerminally("No handler for processing_type '" + type + "'");
        }
        try {
            return handler.handle(task);
        } catch (RuntimeException e) {
            return new StepOutcome.Failed(handler.processingType() + " handler failed: " + e.getMessage(), true);
        }
    }
}
