package dev.ordo.domain.execution;

import dev.ordo.contract.execution.ExecutionEvent.ExecutionRejected;

/**
 * What an adapter could tell of an input it failed to carry through (it could not be read, or a
 * record its decision would write is too large): enough to record the failure with
 * {@link Decider#failedOn}.
 *
 * @param input the input's type name, or {@code undecodable}
 * @param stepName the step the input is about, if known
 * @param start the ids of the start it carries (reason unset), or null when it is no start
 * @param description how the failure text names the input, e.g. "StepSucceededReport for step 'a'"
 */
public record FailedInput(String input, String stepName, ExecutionRejected start, String description) {
}
