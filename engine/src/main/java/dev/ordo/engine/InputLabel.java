package dev.ordo.engine;

import dev.ordo.contract.execution.EngineInput;
import dev.ordo.contract.execution.ExecutionCommand;
import dev.ordo.contract.execution.ExecutionCommand.StartExecution;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRejected;
import dev.ordo.contract.execution.StepReport;
import dev.ordo.contract.execution.TimerFired;
import dev.ordo.domain.execution.FailedInput;
import dev.ordo.engine.Inbound.Readable;
import dev.ordo.engine.Inbound.Unreadable;

/**
 * An input as far as the engine could tell what it was: enough to record that handling it failed.
 *
 * @param input the input's type name, or {@link #UNDECODABLE}
 * @param stepName the step the input is about, if any
 * @param start the start it carries, as the ids to record its rejection with; null when it is no
 *     start (an unreadable command counts as one unless it says it is a cancel)
 */
record InputLabel(String input, String stepName, ExecutionRejected start) {

    static final String UNDECODABLE = "undecodable";
    static final int MAX_STEP_NAME_CHARS = 1_000;

    InputLabel {
        stepName = stepName == null ? null : FailureText.shortened(stepName, MAX_STEP_NAME_CHARS);
    }

    static InputLabel of(Inbound inbound) {
        if (inbound instanceof Readable readable) {
            return of(readable.input());
        } else if (inbound instanceof Unreadable unreadable) {
            return of(unreadable);
        }
        throw new IllegalArgumentException("Unhandled inbound record " + inbound.getClass().getName());
    }

    private static InputLabel of(EngineInput input) {
        String type = input.getClass().getSimpleName();
        if (input instanceof StartExecution start) {
            return new InputLabel(type, null, new ExecutionRejected(start.workflowId(), start.workflowVersion(),
                    start.workspaceId(), start.projectId(), null));
        } else if (input instanceof StepReport report) {
            return new InputLabel(type, report.stepName(), null);
        } else if (input instanceof TimerFired timer) {
            return new InputLabel(type, TimerBook.stepName(timer), null);
        } else if (input instanceof ExecutionCommand) {
            return new InputLabel(type, null, null);
        }
        throw new IllegalArgumentException("Unhandled engine input " + input.getClass().getName());
    }

    private static InputLabel of(Unreadable unreadable) {
        RawFields fields = RawFields.of(unreadable.raw());
        boolean mayBeStart = unreadable.family() == ExecutionCommand.class && !"CancelExecution".equals(fields.type());
        ExecutionRejected start = mayBeStart ? new ExecutionRejected(fields.workflowId(), fields.workflowVersion(),
                fields.workspaceId(), fields.projectId(), null) : null;
        return new InputLabel(UNDECODABLE, fields.stepName(), start);
    }

    /** What the unreadable record claimed to be: its {@code type}, else the topic's family. */
    static String claimedType(Unreadable unreadable) {
        String type = RawFields.of(unreadable.raw()).type();
        return type != null ? type : unreadable.family().getSimpleName();
    }

    FailedInput asFailedInput() {
        return new FailedInput(input, stepName, start, describe());
    }

    /** "StepSucceededReport for step 'a'", "an undecodable input". */
    String describe() {
        String what = UNDECODABLE.equals(input) ? "an undecodable input" : input;
        return stepName == null ? what : what + " for step '" + stepName + "'";
    }
}
