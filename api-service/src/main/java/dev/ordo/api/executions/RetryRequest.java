package dev.ordo.api.executions;

/**
 * The optional body of {@code POST /api/workflows/executions/{execution_id}/retry}. {@code step_inputs}
 * is read as any JSON value and checked by {@link RetryStepInputs}, so a wrong shape is a 400 that
 * says what was expected.
 */
public record RetryRequest(Object stepInputs) {
}
