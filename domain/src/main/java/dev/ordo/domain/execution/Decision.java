package dev.ordo.domain.execution;

import dev.ordo.contract.execution.EngineInput;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.CommandRejected;
import dev.ordo.contract.execution.StepReport;
import java.util.List;

/**
 * What one rule decided: the events to record, in order, or nothing and why. A rejection records
 * exactly one {@link CommandRejected}. Only the {@link Decider} turns decisions into outcomes.
 *
 * @param reason why nothing is recorded; null when {@code events} is not empty
 */
record Decision(List<ExecutionEvent> events, String reason) {

    Decision {
        events = List.copyOf(events);
    }

    static Decision of(List<ExecutionEvent> events) {
        return new Decision(events, null);
    }

    /** Nothing to record, e.g. a timer whose attempt already ended. */
    static Decision nothing(String reason) {
        return new Decision(List.of(), reason);
    }

    static Decision rejected(EngineInput input, String reason) {
        String stepName = input instanceof StepReport report ? report.stepName() : null;
        Integer attempt = input instanceof StepReport report ? report.attempt() : null;
        return of(List.of(new CommandRejected(input.getClass().getSimpleName(), stepName, attempt, reason)));
    }

    boolean isRejection() {
        return events.size() == 1 && events.get(0) instanceof CommandRejected;
    }
}
