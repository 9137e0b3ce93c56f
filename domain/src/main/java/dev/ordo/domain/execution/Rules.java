package dev.ordo.domain.execution;

import dev.ordo.contract.execution.EngineInput;
import dev.ordo.contract.execution.ExecutionCommand.CancelExecution;
import dev.ordo.contract.execution.ExecutionCommand.RetryExecution;
import dev.ordo.contract.execution.ExecutionCommand.StartExecution;
import dev.ordo.contract.execution.StepReport.StepFailedReport;
import dev.ordo.contract.execution.StepReport.StepHeartbeatReport;
import dev.ordo.contract.execution.StepReport.StepStartedReport;
import dev.ordo.contract.execution.StepReport.StepSucceededReport;
import dev.ordo.contract.execution.TimerFired;
import dev.ordo.contract.execution.TimerFired.DelayElapsed;
import dev.ordo.contract.execution.TimerFired.ExecutionDeadlineReached;
import dev.ordo.contract.execution.TimerFired.HeartbeatDeadlineReached;
import dev.ordo.contract.execution.TimerFired.RetryDue;
import dev.ordo.contract.execution.TimerFired.StepDeadlineReached;
import java.time.Instant;

/**
 * The rules of the execution state machine, one per input type: given the state folded so far and
 * one input, the events to record. Pure: the same state, input and time always give the same
 * decision. A refused command or report is one {@code CommandRejected}; a moot timer records
 * nothing. A command or report that arrives at or after the execution's deadline meets the
 * {@link DeadlineFence} first. Only {@link Decider} applies them.
 */
final class Rules {

    private Rules() {
    }

    static Decision decide(ExecutionState state, EngineInput input, Instant now) {
        if (!(input instanceof TimerFired) && DeadlineFence.hasPassed(state, now)) {
            return DeadlineFence.timedOut(state, input, now);
        }
        if (input instanceof StartExecution start) {
            return ExecutionRules.start(state, start, now);
        } else if (input instanceof CancelExecution cancel) {
            return ExecutionRules.cancel(state, cancel);
        } else if (input instanceof RetryExecution retry) {
            return RetryRules.retry(state, retry, now);
        } else if (input instanceof StepStartedReport started) {
            return StepReportRules.started(state, started, now);
        } else if (input instanceof StepSucceededReport succeeded) {
            return StepReportRules.succeeded(state, succeeded, now);
        } else if (input instanceof StepFailedReport failed) {
            return StepReportRules.failed(state, failed, now);
        } else if (input instanceof StepHeartbeatReport heartbeat) {
            return StepReportRules.heartbeat(state, heartbeat, now);
        } else if (input instanceof StepDeadlineReached deadline) {
            return TimerRules.stepDeadline(state, deadline, now);
        } else if (input instanceof HeartbeatDeadlineReached heartbeat) {
            return HeartbeatRules.deadlineReached(state, heartbeat, now);
        } else if (input instanceof RetryDue retry) {
            return TimerRules.retryDue(state, retry, now);
        } else if (input instanceof DelayElapsed delay) {
            return TimerRules.delayElapsed(state, delay, now);
        } else if (input instanceof ExecutionDeadlineReached deadline) {
            return TimerRules.executionDeadline(state, deadline, now);
        }
        throw new IllegalArgumentException("Unhandled engine input " + input.getClass().getName());
    }
}
