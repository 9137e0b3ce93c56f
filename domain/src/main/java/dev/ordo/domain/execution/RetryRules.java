package dev.ordo.domain.execution;

import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.execution.ExecutionCommand.RetryExecution;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRetried;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepStatus;
import dev.ordo.contract.wire.RecordLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rule for {@code RetryExecution}: a failed or timed-out execution runs again under the same
 * id, from every step that failed, timed out or was cancelled (the cancelled ones include those its
 * end left unreached). Completed steps keep their outputs, so the steps run again receive them as
 * before; skipped steps stay skipped (a skip is decided over completed dependencies only, which a
 * retry does not change). The new run gets the workflow's full {@code timeout_seconds} from the
 * retry, each step run again its full {@code max_retries}, and its attempts go on counting. What is
 * ready is scheduled in the same decision.
 *
 * <p>Refused, as {@code CommandRejected}: an execution in any other status, one known only by its
 * final status (a rejected start, a tombstone), one without a step to run again, and step inputs
 * that name a step the workflow lacks or one the retry does not run again, or that together exceed
 * {@link RecordLimits#MAX_RETRY_STEP_INPUTS_BYTES}.
 */
final class RetryRules {

    private static final Set<StepStatus> RUN_AGAIN = Set.of(StepStatus.FAILED, StepStatus.TIMED_OUT, StepStatus.CANCELLED);

    private RetryRules() {
    }

    static Decision retry(ExecutionState state, RetryExecution retry, Instant now) {
        List<String> steps = stepsToRunAgain(state);
        String refusal = refusal(state, retry, steps);
        if (refusal != null) {
            return Decision.rejected(retry, refusal);
        }
        String ended = state.status() == ExecutionStatus.TIMED_OUT ? "timed out" : "failed";
        ExecutionRetried retried = new ExecutionRetried(steps, retry.stepInputs(),
                ExecutionRules.deadline(state.definition(), now), "retried on request after it " + ended);
        List<ExecutionEvent> events = new ArrayList<>();
        events.add(retried);
        events.addAll(Progression.from(state.evolve(retried), now));
        return Decision.of(events);
    }

    /** Every failed, timed-out and cancelled step, in definition order. */
    private static List<String> stepsToRunAgain(ExecutionState state) {
        return state.steps().entrySet().stream()
                .filter(entry -> RUN_AGAIN.contains(entry.getValue().status()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Why the retry cannot run, or null when it can. */
    private static String refusal(ExecutionState state, RetryExecution retry, List<String> steps) {
        if (!state.status().isRetryable()) {
            return "Expected execution " + retry.executionId() + " to be failed or timed out, but it is "
                    + StepReportRules.describe(state.status());
        }
        if (state.start() == null) {
            return "Expected the steps of execution " + retry.executionId() + " to run them again, but only its"
                    + " final status is kept (a rejected start, or a finished execution's tombstone)";
        }
        if (steps.isEmpty()) {
            return "Expected execution " + retry.executionId()
                    + " to have a failed, timed out or cancelled step to run again, but it has none";
        }
        String refused = missingInputs(retry.stepInputs());
        refused = refused != null ? refused : unknownSteps(state, retry.stepInputs().keySet());
        refused = refused != null ? refused : stepsNotRunAgain(state, retry.stepInputs().keySet(), steps);
        return refused != null ? refused : tooLarge(retry.stepInputs());
    }

    private static String missingInputs(Map<String, Map<String, Object>> stepInputs) {
        List<String> empty = stepInputs.entrySet().stream().filter(entry -> entry.getValue() == null)
                .map(Map.Entry::getKey).sorted().toList();
        return empty.isEmpty() ? null
                : "Expected step_inputs to give each step an object, but " + quoted(empty)
                        + (empty.size() == 1 ? " has none" : " have none");
    }

    private static String unknownSteps(ExecutionState state, Set<String> named) {
        List<String> unknown = named.stream().filter(name -> state.step(name) == null).sorted().toList();
        if (unknown.isEmpty()) {
            return null;
        }
        return "Expected step_inputs to name steps of the workflow, but " + quoted(unknown)
                + (unknown.size() == 1 ? " is not one" : " are not");
    }

    private static String stepsNotRunAgain(ExecutionState state, Set<String> named, List<String> steps) {
        List<String> others = state.definition().steps().stream().map(StepSpec::name)
                .filter(named::contains).filter(name -> !steps.contains(name))
                .map(name -> "'" + name + "' is " + StepReportRules.describe(state.step(name).status()))
                .toList();
        if (others.isEmpty()) {
            return null;
        }
        return "Expected step_inputs only for the steps the retry runs again (" + quoted(steps) + "), but "
                + String.join(", ", others);
    }

    private static String tooLarge(Map<String, Map<String, Object>> stepInputs) {
        int size = RecordLimits.encodedSize(stepInputs);
        return size <= RecordLimits.MAX_RETRY_STEP_INPUTS_BYTES ? null
                : "Expected the step_inputs of a retry to be at most " + RecordLimits.MAX_RETRY_STEP_INPUTS_BYTES
                        + " bytes, but they are " + size + " bytes";
    }

    private static String quoted(List<String> names) {
        return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }
}
