package dev.ordo.domain.execution;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepReport;
import dev.ordo.contract.execution.StepStatus;
import dev.ordo.contract.execution.ExecutionEvent.StepFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.contract.execution.StepReport.StepFailedReport;
import dev.ordo.contract.execution.StepReport.StepHeartbeatReport;
import dev.ordo.contract.execution.StepReport.StepStartedReport;
import dev.ordo.contract.execution.StepReport.StepSucceededReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules for worker reports. A report is applied only when the execution is running, the step's
 * current attempt is the report's and still in flight, and that attempt's deadline has not passed;
 * anything else is rejected (attempt fencing). A failure is retried per {@link AttemptOutcomes}; a
 * success whose output exceeds {@link PayloadLimits} is a terminal failure of its attempt. The
 * workflow deadline is fenced before these rules, by {@link DeadlineFence}.
 */
final class StepReportRules {

    private StepReportRules() {
    }

    static Decision started(ExecutionState state, StepStartedReport report, Instant now) {
        String refusal = refusal(state, report, now);
        if (refusal != null) {
            return Decision.rejected(report, refusal);
        }
        if (state.step(report.stepName()).status() == StepStatus.RUNNING) {
            return Decision.rejected(report, "Expected step '" + report.stepName() + "' attempt "
                    + report.attempt() + " to be queued, but it is already running");
        }
        return Decision.of(List.of(new StepStarted(report.stepName(), report.attempt(), report.workerId(),
                HeartbeatRules.startedClock(state, report.stepName(), now))));
    }

    static Decision succeeded(ExecutionState state, StepSucceededReport report, Instant now) {
        String refusal = refusal(state, report, now);
        if (refusal != null) {
            return Decision.rejected(report, refusal);
        }
        String tooLarge = PayloadLimits.outputTooLarge(report.stepName(), report.output());
        if (tooLarge != null) {
            return attemptFailed(state, report, tooLarge, false, now);
        }
        StepSucceeded succeeded = new StepSucceeded(report.stepName(), report.attempt(), report.output());
        List<ExecutionEvent> events = new ArrayList<>();
        events.add(succeeded);
        events.addAll(Progression.from(state.evolve(succeeded), now));
        return Decision.of(events);
    }

    static Decision failed(ExecutionState state, StepFailedReport report, Instant now) {
        String refusal = refusal(state, report, now);
        if (refusal != null) {
            return Decision.rejected(report, refusal);
        }
        String error = report.error() == null ? "step failed without a message" : report.error();
        return attemptFailed(state, report, error, report.retryable(), now);
    }

    static Decision heartbeat(ExecutionState state, StepHeartbeatReport report, Instant now) {
        String refusal = refusal(state, report, now);
        return refusal == null ? HeartbeatRules.accepted(state, report, now) : Decision.rejected(report, refusal);
    }

    /** The report's attempt ended without a usable result; what follows is per {@link AttemptOutcomes}. */
    private static Decision attemptFailed(ExecutionState state, StepReport report, String error, boolean retryable,
                                          Instant now) {
        StepFailed failed = new StepFailed(report.stepName(), report.attempt(), error, retryable);
        List<ExecutionEvent> events = new ArrayList<>();
        events.add(failed);
        events.addAll(AttemptOutcomes.afterFailure(state.evolve(failed), report.stepName(), report.attempt(),
                retryable, now));
        return Decision.of(events);
    }

    /** Why the report cannot be applied, or null when it can. */
    private static String refusal(ExecutionState state, StepReport report, Instant now) {
        if (state.status() != ExecutionStatus.RUNNING) {
            return "Expected execution " + report.executionId() + " to be running, but it is " + describe(state.status());
        }
        StepState step = state.step(report.stepName());
        if (step == null) {
            return "Expected a step named '" + report.stepName() + "', but the workflow has none";
        }
        String attempt = "step '" + report.stepName() + "' attempt " + report.attempt();
        if (step.attempt() != report.attempt()) {
            return "Expected a report for step '" + report.stepName() + "' attempt " + step.attempt()
                    + ", but it is for attempt " + report.attempt();
        }
        if (!step.status().isInFlight()) {
            String why = step.error() == null ? "" : " (" + step.error() + ")";
            return "Expected " + attempt + " to be in flight, but it is " + describe(step.status()) + why;
        }
        if (step.deadline() != null && !now.isBefore(step.deadline())) {
            return "Expected " + attempt + " to report before its deadline " + step.deadline() + ", but it is " + now;
        }
        return null;
    }

    static String describe(Enum<?> status) {
        return status.name().toLowerCase().replace('_', ' ');
    }
}
