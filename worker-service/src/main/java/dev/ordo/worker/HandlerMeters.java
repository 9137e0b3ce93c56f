package dev.ordo.worker;

import dev.ordo.contract.execution.StepTask;
import dev.ordo.worker.handlers.StepHandlers;
import dev.ordo.worker.handlers.StepOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Times handler runs as {@code ordo.worker.handler.duration{processing_type, outcome}}. The type label is
 * one of the registered handlers' types, else {@code unknown}, so a task can never add a label value;
 * outcome is {@code succeeded} or {@code failed}.
 */
final class HandlerMeters {

    private final MeterRegistry registry;
    private final Set<String> known;

    HandlerMeters(MeterRegistry registry, StepHandlers handlers) {
        this.registry = registry;
        this.known = handlers.processingTypes();
    }

    StepOutcome time(StepTask task, Supplier<StepOutcome> run) {
        long start = System.nanoTime();
        StepOutcome outcome = run.get();
        String type = StepHandlers.processingTypeOf(task);
        Timer.builder("ordo.worker.handler.duration")
                .description("Step handler runs, by processing type and how they ended")
                .tag("processing_type", known.contains(type) ? type : "unknown")
                .tag("outcome", outcome instanceof StepOutcome.Succeeded ? "succeeded" : "failed")
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30))
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry).record(Duration.ofNanos(System.nanoTime() - start));
        return outcome;
    }
}
