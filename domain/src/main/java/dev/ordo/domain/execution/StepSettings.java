package dev.ordo.domain.execution;

import dev.ordo.contract.definition.StepKind;
import dev.ordo.contract.definition.StepKind.ConditionGate;
import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.definition.WorkflowSnapshot;
import java.time.Duration;
import java.util.Map;

/**
 * How the engine treats one step: its {@link StepKind}, and what it reads from the step's
 * {@code config} and the workflow's:
 *
 * <ul>
 *   <li>{@code max_retries}: the step's, or the workflow's when null; 0 means a single attempt.</li>
 *   <li>{@code config.retry_policy}: see {@link RetryPolicy}; the step's keys win over the workflow's.</li>
 *   <li>{@code config.error_handling}: {@code fail_fast} (default) or {@code continue_on_error}; the
 *       step's wins over the workflow's.</li>
 *   <li>{@code config.when_dependency_skipped}: {@code skip} (default) or {@code run}, which treats a
 *       skipped dependency as satisfied.</li>
 *   <li>{@code config.heartbeat_timeout_seconds}: how long a running attempt may go without a
 *       heartbeat ({@link StepKind#heartbeatTimeout}); null for no heartbeat timeout.</li>
 * </ul>
 */
record StepSettings(StepSpec spec, StepKind kind, int maxRetries, RetryPolicy retryPolicy, boolean continueOnError,
                    boolean runWhenDependencySkipped, Duration heartbeatTimeout) {

    static final String CONTINUE_ON_ERROR = "continue_on_error";

    static StepSettings of(WorkflowSnapshot workflow, StepSpec step) {
        RetryPolicy workflowPolicy = RetryPolicy.from(asMap(workflow.config().get("retry_policy")), RetryPolicy.DEFAULT);
        Object errorHandling = step.config().getOrDefault("error_handling", workflow.config().get("error_handling"));
        return new StepSettings(step, StepKind.of(step),
                step.maxRetries() == null ? workflow.maxRetries() : step.maxRetries(),
                RetryPolicy.from(asMap(step.config().get("retry_policy")), workflowPolicy),
                CONTINUE_ON_ERROR.equals(ConfigValues.word(errorHandling)),
                "run".equals(ConfigValues.word(step.config().get("when_dependency_skipped"))),
                StepKind.heartbeatTimeout(step.config()).value());
    }

    static StepSettings of(ExecutionState state, String stepName) {
        return of(state.definition(), state.definition().step(stepName).orElseThrow());
    }

    /**
     * The condition to evaluate when the step is ready, or null for none: a gate's expression, any
     * other step's {@code condition_expression}.
     */
    String condition() {
        if (kind instanceof ConditionGate gate) {
            return gate.expression();
        }
        String expression = spec.conditionExpression();
        return expression == null || expression.isBlank() ? null : expression;
    }

    private static Map<?, ?> asMap(Object value) {
        return value instanceof Map<?, ?> map ? map : null;
    }
}
