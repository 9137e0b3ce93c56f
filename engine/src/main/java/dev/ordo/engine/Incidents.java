package dev.ordo.engine;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRejected;
import dev.ordo.contract.execution.ExecutionEvent.IncidentRecorded;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.domain.execution.ExecutionState;
import java.util.List;

/**
 * What the engine records when it cannot handle an input of one execution (it threw, a record it
 * would write is too large, or the input is unreadable), by where the execution stands:
 *
 * <ul>
 *   <li>running: {@code IncidentRecorded} and {@code ExecutionFailed}, so the execution ends visibly
 *       and its partition moves on;</li>
 *   <li>unknown, and the input is (or may be) its start: {@code ExecutionRejected} with the ids the
 *       start names, as far as they could be read;</li>
 *   <li>unknown otherwise: nothing, there is no log to record it in (logged and counted);</li>
 *   <li>finished: {@code IncidentRecorded} alone; the execution keeps its outcome.</li>
 * </ul>
 *
 * Every error text is cut to {@value #MAX_ERROR_CHARS} characters, so these events are always small.
 */
final class Incidents {

    static final int MAX_ERROR_CHARS = 2_000;

    private Incidents() {
    }

    static List<ExecutionEvent> of(ExecutionState state, InputLabel label, String error) {
        String reason = shortened(error, MAX_ERROR_CHARS);
        if (state.status() == ExecutionStatus.RUNNING) {
            return List.of(new IncidentRecorded(label.input(), label.stepName(), reason),
                    new ExecutionFailed(null, "The engine could not handle " + label.describe() + ": " + reason));
        } else if (state.status() == ExecutionStatus.UNKNOWN) {
            return label.start() == null ? List.of() : List.of(rejected(label.start(), reason));
        }
        return List.of(new IncidentRecorded(label.input(), label.stepName(), reason));
    }

    static ExecutionRejected rejected(ExecutionRejected ids, String reason) {
        return new ExecutionRejected(ids.workflowId(), ids.workflowVersion(), ids.workspaceId(), ids.projectId(),
                shortened(reason, MAX_ERROR_CHARS));
    }

    /** "IllegalStateException: the message", cut to size. */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return shortened(failure.getClass().getSimpleName() + (message == null ? "" : ": " + message), MAX_ERROR_CHARS);
    }

    static String shortened(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.substring(0, cut) + "... (" + (text.length() - cut) + " more characters)";
    }
}
