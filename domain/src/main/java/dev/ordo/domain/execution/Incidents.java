package dev.ordo.domain.execution;

import dev.ordo.contract.execution.EngineInput;
import dev.ordo.contract.execution.ExecutionCommand.StartExecution;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRejected;
import dev.ordo.contract.execution.ExecutionEvent.IncidentRecorded;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepReport;
import dev.ordo.contract.execution.TimerFired.DelayElapsed;
import dev.ordo.contract.execution.TimerFired.HeartbeatDeadlineReached;
import dev.ordo.contract.execution.TimerFired.RetryDue;
import dev.ordo.contract.execution.TimerFired.StepDeadlineReached;
import java.util.List;
import java.util.Optional;

/**
 * What an execution records when the engine fails on one of its inputs (a defect, or a value the
 * rules did not foresee), instead of the decision it could not make:
 *
 * <ul>
 *   <li>running: {@code IncidentRecorded} and {@code ExecutionFailed} with the same text, so the
 *       execution ends visibly and its steps are cancelled;</li>
 *   <li>finished: {@code IncidentRecorded} alone;</li>
 *   <li>unknown: a start becomes {@code ExecutionRejected} (the execution reads as failed); any
 *       other input has no log to be recorded in.</li>
 * </ul>
 * The error text is {@code <exception class>: <message>}, cut to {@value #MAX_ERROR_CHARS} characters.
 */
final class Incidents {

    static final int MAX_ERROR_CHARS = 2_000;
    static final String UNDECODABLE = "undecodable";

    private Incidents() {
    }

    /** The events recording {@code failure}; empty when the execution is unknown and this is no start. */
    static Optional<List<ExecutionEvent>> whileHandling(ExecutionState state, EngineInput input, RuntimeException failure) {
        String type = input.getClass().getSimpleName();
        String error = error(failure);
        if (state.status() == ExecutionStatus.UNKNOWN) {
            return input instanceof StartExecution start
                    ? Optional.of(List.of(ExecutionRules.rejectedStart(start,
                            "Engine incident while handling " + type + ": " + error)))
                    : Optional.empty();
        }
        return Optional.of(recorded(state, type, stepOf(input), error, "Engine incident while handling " + type));
    }

    static List<ExecutionEvent> unreadable(ExecutionState state, String input, String error) {
        String what = bounded(input + " could not be decoded: " + error);
        if (state.status() == ExecutionStatus.UNKNOWN) {
            return List.of(new ExecutionRejected(null, 0, null, null, "Expected a readable command or report, but " + what));
        }
        return recorded(state, UNDECODABLE, null, what, "Engine incident while handling an undecodable input");
    }

    /**
     * The events recording that an adapter could not carry {@code input} through; empty when the
     * execution is unknown and the input is no start.
     */
    static Optional<List<ExecutionEvent>> adapterFailure(ExecutionState state, FailedInput input, String error) {
        String reason = bounded(error);
        if (state.status() == ExecutionStatus.UNKNOWN) {
            ExecutionRejected ids = input.start();
            return ids == null ? Optional.empty() : Optional.of(List.of(new ExecutionRejected(ids.workflowId(),
                    ids.workflowVersion(), ids.workspaceId(), ids.projectId(), reason)));
        }
        return Optional.of(recorded(state, input.input(), input.stepName(), reason,
                "The engine could not handle " + input.description()));
    }

    /** For logs: the input and the failure, as the incident would read. */
    static String describe(EngineInput input, RuntimeException failure) {
        return input.getClass().getSimpleName() + " (incident " + error(failure) + ")";
    }

    private static List<ExecutionEvent> recorded(ExecutionState state, String input, String step, String error,
                                                 String failedWhile) {
        IncidentRecorded incident = new IncidentRecorded(input, step, error);
        if (state.status() != ExecutionStatus.RUNNING) {
            return List.of(incident);
        }
        return List.of(incident, new ExecutionFailed(step, failedWhile + ": " + error));
    }

    private static String stepOf(EngineInput input) {
        if (input instanceof StepReport report) {
            return report.stepName();
        } else if (input instanceof StepDeadlineReached deadline) {
            return deadline.stepName();
        } else if (input instanceof HeartbeatDeadlineReached heartbeat) {
            return heartbeat.stepName();
        } else if (input instanceof RetryDue retry) {
            return retry.stepName();
        } else if (input instanceof DelayElapsed delay) {
            return delay.stepName();
        }
        return null;
    }

    private static String error(RuntimeException failure) {
        String name = failure.getClass().getSimpleName();
        return bounded(failure.getMessage() == null ? name : name + ": " + failure.getMessage());
    }

    private static String bounded(String text) {
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS - 1) + "…";
    }
}
