package dev.ordo.domain.execution;

import dev.ordo.contract.execution.EngineInput;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.StepReport;
import dev.ordo.contract.execution.ExecutionEvent.CommandRejected;
import java.util.List;

/** The events a decision records, in order. A rejection records exactly one {@link CommandRejected}. */
public record Decision(List<ExecutionEvent> events) {

    public Decision {
        events = List.copyOf(events);
    }

    public static Decision of(List<ExecutionEvent> events) {
        return new Decision(events);
    }

    /** Nothing to record: e.g. a timer whose attempt already ended. */
    public static Decision none() {
        return new Decision(List.of());
    }

    public static Decision rejected(EngineInput input, String reason) {
        String stepName = input instanceof StepReport report ? report.stepName() : null;
        Integer attempt = input instanceof StepReport report ? report.attempt() : null;
        return new Decision(List.of(new CommandRejected(input.getClass().getSimpleName(), stepName, attempt, reason)));
    }

    public boolean isRejection() {
        return events.size() == 1 && events.get(0) instanceof CommandRejected;
    }
}
