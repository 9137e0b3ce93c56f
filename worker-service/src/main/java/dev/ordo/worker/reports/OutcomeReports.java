package dev.ordo.worker.reports;

import dev.ordo.contract.execution.StepReport;
import dev.ordo.contract.execution.StepReport.StepFailedReport;
import dev.ordo.contract.execution.StepReport.StepSucceededReport;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.wire.RecordLimits;
import dev.ordo.worker.handlers.StepOutcome;
import java.util.Map;
import java.util.UUID;

/**
 * The report that says how an attempt ended, held to what the broker can carry and PostgreSQL can
 * store:
 *
 * <ul>
 *   <li>every key and string of an output, and every error message, follows {@link StorableText};</li>
 *   <li>an output whose JSON is larger than {@link RecordLimits#MAX_STEP_OUTPUT_BYTES} fails the step
 *       terminally, with a reason that gives both sizes: a larger output could never be reported, and
 *       running the step again would produce it again;</li>
 *   <li>an error message is cut to {@link #MAX_ERROR_CHARS} characters, saying how much was cut.</li>
 * </ul>
 */
public final class OutcomeReports {

    public static final int MAX_ERROR_CHARS = 8 * 1024;

    private OutcomeReports() {
    }

    public static StepReport of(StepTask task, StepOutcome outcome) {
        if (outcome instanceof StepOutcome.Succeeded succeeded) {
            return succeeded(task, succeeded.output());
        }
        if (outcome instanceof StepOutcome.Failed failed) {
            return failed(task.executionId(), task.stepName(), task.attempt(), failed.error(), failed.retryable());
        }
        throw new IllegalArgumentException("Expected a succeeded or failed outcome, but it is " + outcome);
    }

    /** A failure report whose error message follows the rules above. */
    public static StepFailedReport failed(UUID executionId, String stepName, int attempt, String error,
                                          boolean retryable) {
        return new StepFailedReport(executionId, stepName, attempt, StorableText.of(shortened(error)), retryable);
    }

    /** The terminal failure that replaces a success report the broker refused as too large. */
    public static StepFailedReport refusedAsTooLarge(StepSucceededReport refused, int reportBytes, String why) {
        return failed(refused.executionId(), refused.stepName(), refused.attempt(),
                "Expected the report of step '" + refused.stepName() + "' to be accepted by the broker, but it was"
                        + " refused as too large (" + reportBytes + " bytes): " + why, false);
    }

    private static StepReport succeeded(StepTask task, Map<String, Object> output) {
        Map<String, Object> storable = StorableText.withinMap(output == null ? Map.of() : output);
        int size;
        try {
            size = RecordLimits.encodedSize(storable);
        } catch (RuntimeException e) {
            return failed(task.executionId(), task.stepName(), task.attempt(), "Expected the output of step '"
                    + task.stepName() + "' to be JSON, but it could not be encoded: " + e.getMessage(), false);
        }
        if (size > RecordLimits.MAX_STEP_OUTPUT_BYTES) {
            return failed(task.executionId(), task.stepName(), task.attempt(), "Expected the output of step '"
                    + task.stepName() + "' to be at most " + RecordLimits.MAX_STEP_OUTPUT_BYTES + " bytes, but it is "
                    + size + " bytes", false);
        }
        return new StepSucceededReport(task.executionId(), task.stepName(), task.attempt(), storable);
    }

    private static String shortened(String error) {
        String text = error == null ? "" : error;
        if (text.length() <= MAX_ERROR_CHARS) {
            return text;
        }
        return text.substring(0, MAX_ERROR_CHARS) + "… (" + (text.length() - MAX_ERROR_CHARS) + " more characters)";
    }
}
