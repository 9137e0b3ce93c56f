package dev.ordo.events.execution;

import dev.ordo.events.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.events.execution.ExecutionEvent.StepFailed;
import dev.ordo.events.execution.ExecutionEvent.StepStarted;
import dev.ordo.events.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.events.execution.StepReport.StepFailedReport;
import dev.ordo.events.execution.StepReport.StepStartedReport;
import dev.ordo.events.execution.StepReport.StepSucceededReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules for worker reports. A report is applied only when the execution is running and the step's
 * current attempt is the report's and still in flight; anything else is rejected.
 */
final class StepReportRules {

    private StepReportRules() {
    }

    static Decision started(ExecutionState state, StepStartedReport report) {
        String refusal = refusal(state, report);
        if (refusal != null) {
            return Decision.rejected(report, refusal);
        }
        if (state.step(report.stepName()).status() == StepStatus.RUNNING) {
            return Decision.rejected(report, "Expected step '" + report.stepName() + "' attempt "
                    + report.attempt() + " to be queued, but it is already running");
        }
        return Decision.of(List.of(new StepStarted(report.stepName(), report.attempt(), report.workerId())));
    }

    static Decision succeeded(ExecutionState state, StepSucceededReport report) {
        String refusal = refusal(state, report);
        if (refusal != null) {
            return Decision.rejected(report, refusal);
        }
        StepSucceeded succeeded = new StepSucceeded(report.stepName(), report.attempt(), report.output());
        List<ExecutionEvent> events = new ArrayList<>();
        events.add(succeeded);
        events.addAll(Progression.from(state.evolve(succeeded)));
        return Decision.of(events);
    }

    static Decision failed(ExecutionState state, StepFailedReport report) {
        String refusal = refusal(state, report);
        if (refusal != null) {
            return Decision.rejected(report, refusal);
        }
        String error = report.error() == null ? "step failed without a message" : report.error();
        return Decision.of(List.of(
                new StepFailed(report.stepName(), report.attempt(), error, report.retryable()),
                new ExecutionFailed(report.stepName(), "Step '" + report.stepName() + "' failed: " + error)));
    }

    /** Why the report cannot be applied, or null when it can. */
    private static String refusal(ExecutionState state, StepReport report) {
        if (state.status() != ExecutionStatus.RUNNING) {
            return "Expected execution " + report.executionId() + " to be running, but it is "
                    + state.status().name().toLowerCase();
        }
        StepState step = state.step(report.stepName());
        if (step == null) {
            return "Expected a step named '" + report.stepName() + "', but the workflow has none";
        }
        if (step.attempt() != report.attempt()) {
            return "Expected a report for step '" + report.stepName() + "' attempt " + step.attempt()
                    + ", but it is for attempt " + report.attempt();
        }
        if (!step.status().isInFlight()) {
            return "Expected step '" + report.stepName() + "' attempt " + report.attempt()
                    + " to be in flight, but it is " + step.status().name().toLowerCase();
        }
        return null;
    }
}
