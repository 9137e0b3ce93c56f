package dev.ordo.worker.handlers;

import dev.ordo.contract.execution.StepTask;
import org.springframework.stereotype.Component;

/** {@code default}: the step's output is its input. */
@Component
class PassThroughHandler implements StepHandler {

    @Override
    public String processingType() {
        return "default";
    }

    @Override
    public StepOutcome handle(StepTask task) {
        return StepOutcome.succeeded(task.input());
    }
}
