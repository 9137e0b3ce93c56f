package dev.ordo.api.engine;

import dev.ordo.engine.EngineCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The engine's counters as Micrometer counters (Prometheus: {@code ordo_engine_incidents_total},
 * {@code ordo_engine_unreadable_inputs_total}, {@code ordo_engine_ignored_inputs_total},
 * {@code ordo_engine_rejections_total}, {@code ordo_engine_decisions_total}, {@code ordo_engine_decision_seconds_count|sum});
 * see {@link EngineCounters} for what each counts.
 */
@Component
@ConditionalOnProperty(name = "ordo.engine.enabled", havingValue = "true", matchIfMissing = true)
class EngineMeters implements MeterBinder {

    private final EngineCounters counters;

    EngineMeters(EngineRunner runner) {
        this.counters = runner.engine().counters();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "ordo.engine.incidents", "Inputs the engine failed to handle; each failed its execution",
                EngineCounters::incidents);
        counter(registry, "ordo.engine.unreadable.inputs", "Commands and reports the engine could not read",
                EngineCounters::unreadableInputs);
        counter(registry, "ordo.engine.ignored.inputs", "Inputs for executions the engine does not know",
                EngineCounters::ignoredInputs);
        counter(registry, "ordo.engine.rejections", "CommandRejected and ExecutionRejected events recorded",
                EngineCounters::rejections);
        counter(registry, "ordo.engine.decisions", "Inputs the engine decided on (processing attempts)",
                EngineCounters::decisions);
        FunctionTimer.builder("ordo.engine.decision", counters, EngineCounters::decisions,
                        EngineCounters::decidingNanos, TimeUnit.NANOSECONDS)
                .description("Time in decide per input; rate(sum)/rate(count) is the mean").register(registry);
    }

    private void counter(MeterRegistry registry, String name, String description, ToDoubleFunction<EngineCounters> count) {
        FunctionCounter.builder(name, counters, count).description(description).register(registry);
    }
}
