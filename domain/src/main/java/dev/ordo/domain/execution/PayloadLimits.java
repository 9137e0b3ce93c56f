package dev.ordo.domain.execution;

import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.wire.RecordLimits;
import java.util.Map;

/**
 * The {@link RecordLimits} the decider holds payloads to, as reasons (null when within the limit).
 * The API and the workers check first; this is defence in depth, so that no event or task the
 * engine writes, and no state it keeps, can grow past what Kafka accepts.
 */
final class PayloadLimits {

    private PayloadLimits() {
    }

    static String inputTooLarge(String step, Map<String, Object> input) {
        return tooLarge("step '" + step + "' input", input, RecordLimits.MAX_STEP_INPUT_BYTES);
    }

    static String taskTooLarge(String step, StepTask task) {
        return tooLarge("step '" + step + "' task (config and input)", task, RecordLimits.MAX_TASK_BYTES);
    }

    static String outputTooLarge(String step, Map<String, Object> output) {
        return tooLarge("step '" + step + "' output", output, RecordLimits.MAX_STEP_OUTPUT_BYTES);
    }

    /** Why a start cannot run within the limits: too many steps, a definition or inputs too large. */
    static String startTooLarge(WorkflowSnapshot definition, Map<String, Object> inputs) {
        if (definition.steps().size() > RecordLimits.MAX_STEPS) {
            return "Expected the workflow to have at most " + RecordLimits.MAX_STEPS + " steps, but it has "
                    + definition.steps().size();
        }
        String reason = tooLarge("the definition", definition, RecordLimits.MAX_DEFINITION_BYTES);
        return reason != null ? reason : tooLarge("the input variables", inputs, RecordLimits.MAX_INPUT_VARIABLES_BYTES);
    }

    private static String tooLarge(String what, Object value, int limit) {
        int size = RecordLimits.encodedSize(value);
        return size <= limit ? null
                : "Expected " + what + " to be at most " + limit + " bytes, but it is " + size + " bytes";
    }
}
