package dev.ordo.worker.handlers;

import dev.ordo.contract.definition.StepKind;
import dev.ordo.contract.definition.StepKind.AgentTask;
import dev.ordo.contract.definition.StepKind.WorkerTask;
import dev.ordo.contract.execution.StepTask;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The registry of handlers, one per {@code processing_type} (and alias): the Spring beans of the
 * worker's context and the handlers {@link ServiceLoader} finds on the classpath (a class that is
 * both counts once). A processing type claimed twice stops the worker at start-up, naming both
 * handlers. {@code agent} steps run the handler of their processing type too, {@code default} when
 * they name none ({@link StepKind.AgentTask}).
 */
@Component
public class StepHandlers {

    private final Map<String, StepHandler> byType;

    @Autowired
    StepHandlers(List<StepHandler> beans) {
        this(beans, ServiceLoader.load(StepHandler.class, StepHandlers.class.getClassLoader()));
    }

    StepHandlers(List<StepHandler> beans, Iterable<StepHandler> discovered) {
        this.byType = index(distinctByClass(beans, discovered));
    }

    /** Every processing type and alias a handler is registered for, sorted. */
    public Set<String> processingTypes() {
        return new TreeSet<>(byType.keySet());
    }

    /** Runs the task's handler without heartbeats or cancellation ({@link HandlerContext#of}). */
    public StepOutcome run(StepTask task) {
        return run(task, HandlerContext.of(task));
    }

    /**
     * Runs the task's handler: an unknown type, or a config the handler refuses, fails the attempt
     * terminally without running it; a handler that throws fails it retryably.
     */
    public StepOutcome run(StepTask task, HandlerContext context) {
        String type = processingType(task);
        StepHandler handler = byType.get(type);
        if (handler == null) {
            return StepOutcome.failedTerminally("No handler for processing_type '" + type + "'");
        }
        try {
            List<String> problems = handler.problems(task.config());
            if (!problems.isEmpty()) {
                return StepOutcome.failedTerminally("Invalid config for processing_type '" + type + "': "
                        + String.join("; ", problems));
            }
            return handler.handle(task, context);
        } catch (RuntimeException e) {
            return new StepOutcome.Failed(type + " handler failed: " + e.getMessage(), true);
        }
    }

    /** The processing type a task names (its kind's, else its config's {@code processing_type}). */
    public static String processingTypeOf(StepTask task) {
        return processingType(task);
    }

    private static String processingType(StepTask task) {
        StepKind kind = StepKind.of(task);
        String type = kind instanceof WorkerTask worker ? worker.processingType()
                : kind instanceof AgentTask agent ? agent.processingType() : null;
        return type != null ? type : String.valueOf(task.config().get("processing_type"));
    }

    private static List<StepHandler> distinctByClass(List<StepHandler> beans, Iterable<StepHandler> discovered) {
        List<StepHandler> handlers = new ArrayList<>(beans);
        Set<Class<?>> known = new HashSet<>();
        beans.forEach(handler -> known.add(handler.getClass()));
        for (StepHandler handler : discovered) {
            if (known.add(handler.getClass())) {
                handlers.add(handler);
            }
        }
        return handlers;
    }

    private static Map<String, StepHandler> index(List<StepHandler> handlers) {
        Map<String, StepHandler> byType = new LinkedHashMap<>();
        for (StepHandler handler : handlers) {
            List<String> names = new ArrayList<>(List.of(handler.processingType()));
            names.addAll(handler.aliases());
            for (String name : names) {
                StepHandler earlier = byType.putIfAbsent(name, handler);
                if (earlier != null) {
                    throw new IllegalStateException("Expected one handler per processing_type, but '" + name
                            + "' is claimed by both " + earlier.getClass().getName() + " and "
                            + handler.getClass().getName());
                }
            }
        }
        return Map.copyOf(byType);
    }
}
