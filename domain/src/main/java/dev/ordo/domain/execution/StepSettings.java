package dev.ordo.domain.execution;

import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.definition.WorkflowSnapshot;
import java.util.Map;

/**
 * How the engine treats one step, read from the step's {@code config} and the workflow's:
 *
 * <ul>
 *   <li>{@code max_retries}: the step's, or the workflow's when null; 0 means a single attempt.</li>
 *   <li>{@code config.retry_policy}: see {@link RetryPolicy}; the step's keys win over the workflow's.</li>
 *   <li>{@code config.error_handling}: {@code fail_fast} (default) or {@code continue_on_error}; the
 *       step's wins over the workflow's.</li>
 *   <li>{@code config.when_dependency_skipped}: {@code skip} (default) or {@code run}, which treats a
 *       skipped dependency as satisfied.</li>
 *   <li>{@code config.processing_type: "delay"} on a task step makes it a durable timer run by the
 *       engine: it waits {@code config.delay_ms} (or {@code config.delay_seconds}, fractions allowed;
 *       none means 0) and completes with its input as output.</li>
 * </ul>
 */
record StepSettings(StepSpec spec, int maxRetries, RetryPolicy retryPolicy, boolean continueOnError,
                    boolean runWhenDependencySkipped) {

    static final String CONTINUE_ON_ERROR = "continue_on_error";

    static StepSettings of(WorkflowSnapshot workflow, StepSpec step) {
        RetryPolicy workflowPolicy = RetryPolicy.from(asMap(workflow.config().get("retry_policy")), RetryPolicy.DEFAULT);
        Object errorHandling = step.config().getOrDefault("error_handling", workflow.config().get("error_handling"));
        return new StepSettings(step,
                step.maxRetries() == null ? workflow.maxRetries() : step.maxRetries(),
                RetryPolicy.from(asMap(step.config().get("retry_policy")), workflowPolicy),
                CONTINUE_ON_ERROR.equals(ConfigValues.word(errorHandling)),
                "run".equals(ConfigValues.word(step.config().get("when_dependency_skipped"))));
    }

    static StepSettings of(ExecutionState state, String stepName) {
        return of(state.definition(), state.definition().step(stepName).orElseThrow());
    }

    boolean isDelay() {
        return "delay".equals(ConfigValues.word(spec.config().get("processing_type")));
    }

    boolean isCondition() {
        return "condition".equals(spec.stepType());
    }

    long delayMillis() {
        Object millis = spec.config().get("delay_ms");
        if (millis != null) {
            return Math.max(0, Math.round(ConfigValues.number(millis, 0)));
        }
        return Math.max(0, Math.round(ConfigValues.number(spec.config().get("delay_seconds"), 0) * 1000));
    }

    /** The condition to evaluate when the step is ready, or null for none. */
    String condition() {
        String expression = spec.conditionExpression();
        if ((expression == null || expression.isBlank()) && isCondition()) {
            Object configured = spec.config().getOrDefault("condition", spec.config().get("expression"));
            expression = configured == null ? null : String.valueOf(configured);
        }
        return expression == null || expression.isBlank() ? null : expression;
    }

    private static Map<?, ?> asMap(Object value) {
        return value instanceof Map<?, ?> map ? map : null;
    }
}
