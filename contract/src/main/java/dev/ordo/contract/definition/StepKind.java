package dev.ordo.contract.definition;

import dev.ordo.contract.execution.StepTask;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a step is, read once from its {@code step_type} and {@code config}: validation judges it,
 * the engine launches it, its timers wait on it and the workers pick their handler by it. Every
 * config key that decides a step's kind is read here and nowhere else ({@link StepConfig}):
 *
 * <ul>
 *   <li>{@code parallel}, {@code sequential}: a {@link Structural} marker the engine completes itself;</li>
 *   <li>{@code condition}: a {@link ConditionGate} that completes with its input when its expression
 *       holds, from {@code condition_expression}, else {@code config.condition}, else
 *       {@code config.expression};</li>
 *   <li>{@code task} or {@code agent} with {@code config.processing_type: "delay"}: a {@link Delay}, a
 *       durable timer kept by the engine, waiting {@code config.delay_ms} or
 *       {@code config.delay_seconds} (fractions allowed);</li>
 *   <li>{@code task} (also a missing or unknown {@code step_type}): a {@link WorkerTask} run by the
 *       handler its {@code config.processing_type} names, {@code default} when none;</li>
 *   <li>{@code agent}: an {@link AgentTask}, a worker task for workers that declare every
 *       capability in {@code config.required_capabilities}.</li>
 * </ul>
 *
 * <p>A worker or agent task may also set {@code config.heartbeat_timeout_seconds}
 * ({@link #heartbeatTimeout}), read here for the engine and the workers alike.
 *
 * <p>Reading never fails: a value that does not fit is a problem in the {@link Parsed} result (the
 * validator reports them and refuses the workflow) and the kind gets the documented fallback.
 */
public sealed interface StepKind {

    String TASK = "task";
    String CONDITION = "condition";
    String PARALLEL = "parallel";
    String SEQUENTIAL = "sequential";
    String AGENT = "agent";
    /** The step types a workflow may use, in documentation order; a missing type means {@link #TASK}. */
    List<String> STEP_TYPES = List.of(TASK, CONDITION, PARALLEL, SEQUENTIAL, AGENT);
    /** The processing type of a worker or agent task that names none. */
    String DEFAULT_PROCESSING_TYPE = "default";
    String DELAY_PROCESSING_TYPE = "delay";
    String SLEEP_PROCESSING_TYPE = "sleep";

    /** {@code parallel} or {@code sequential}: completes at once with an empty output. */
    record Structural(String stepType) implements StepKind {
    }

    /**
     * A {@code condition} step: completes with its input as output when {@code expression} holds.
     *
     * @param expression null when the step has none (launching it fails the step)
     * @param source where the expression was written: {@code condition_expression},
     *     {@code config.condition} or {@code config.expression}; null with it
     */
    record ConditionGate(String expression, String source) implements StepKind {
    }

    /** Waits {@code duration} on an engine timer, then completes with its input as output. */
    record Delay(Duration duration) implements StepKind {
    }

    /**
     * Handed to a worker that runs {@code processingType}.
     *
     * @param processingType null when {@code config.processing_type} is not a non-empty string
     */
    record WorkerTask(String processingType) implements StepKind {
    }

    /** Handed to a worker that runs {@code processingType} and has every one of {@code requiredCapabilities}. */
    record AgentTask(String processingType, List<String> requiredCapabilities) implements StepKind {

        public AgentTask {
            requiredCapabilities = List.copyOf(requiredCapabilities);
        }
    }

    /** A value read from a step's definition, and what did not fit (empty when all did). */
    record Parsed<T>(T value, List<String> problems) {

        public Parsed {
            problems = List.copyOf(problems);
        }
    }

    /** The kind of a pinned step; the definition was validated, so problems are not looked at. */
    static StepKind of(StepSpec step) {
        return read(step.stepType(), step.conditionExpression(), step.config()).value();
    }

    /** The kind of the step a task is an attempt of: a worker or an agent task. */
    static StepKind of(StepTask task) {
        return read(task.stepType(), null, task.config()).value();
    }

    /** Reads a step as a client wrote it; every argument may be null. */
    static Parsed<StepKind> read(String stepType, String conditionExpression, Map<String, Object> config) {
        return StepConfig.kind(stepType, conditionExpression, config == null ? Map.of() : config);
    }

    /**
     * How long a running worker or agent task may go without a heartbeat before the engine times its
     * attempt out: {@code config.heartbeat_timeout_seconds}, a number greater than 0 (fractions
     * allowed), or null when the key is absent (no heartbeat timeout). Anything else is a problem
     * and reads as null.
     */
    static Parsed<Duration> heartbeatTimeout(Map<String, Object> config) {
        return StepConfig.heartbeatTimeout(config == null ? Map.of() : config);
    }

    /**
     * How long a worker task of processing type {@code sleep} waits: {@code config.millis}, else
     * {@code config.seconds} (fractions allowed), a number of at least 0; zero when neither fits.
     */
    static Parsed<Duration> sleep(Map<String, Object> config) {
        return StepConfig.duration(config == null ? Map.of() : config, StepConfig.SLEEP_MILLIS, StepConfig.SLEEP_SECONDS);
    }
}
