package dev.ordo.events.execution;

import dev.ordo.events.execution.ExecutionCommand.CancelExecution;
import dev.ordo.events.execution.ExecutionCommand.StartExecution;
import dev.ordo.events.execution.StepReport.StepFailedReport;
import dev.ordo.events.execution.StepReport.StepStartedReport;
import dev.ordo.events.execution.StepReport.StepSucceededReport;

/**
 * The execution state machine's decisions: given the state folded so far and one input, the
 * events to record. Pure: the same state, input and context always give the same decision.
 */
public final class ExecutionDecider {

    private ExecutionDecider() {
    }

    public static Decision decide(ExecutionState state, EngineInput input, DecisionContext context) {
        if (input instanceof StartExecution start) {
            return ExecutionRules.start(state, start);
        } else if (input instanceof CancelExecution cancel) {
            return ExecutionRules.cancel(state, cancel);
        } else if (input instanceof StepStartedReport started) {
            return StepReportRules.started(state, started);
        } else if (input instanceof StepSucceededReport succeeded) {
            return StepReportRules.succeeded(state, succeeded);
        } else if (input instanceof StepFailedReport failed) {
            return StepReportRules.failed(state, failed);
        }
        throw new IllegalArgumentException("Unhandled engine input " + input.getClass().getName());
    }
}
