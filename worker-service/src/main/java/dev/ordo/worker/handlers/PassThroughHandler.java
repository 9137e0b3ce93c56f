package dev.ordo.worker.handlers;

import dev.ordo.contract.definition.StepKind;
import dev.ordo.contract.execution.StepTask;
import org.springframework.stereotype.Component;

/** {@code default}: the step's output is its input. */
@Component
class PassThroughHandler implements StepHandler {

    @Override
    public String processingType() {
        return StepKind.DEFAULT_PROCESSING_TYPE;
    }

    @Override
    public StepOutcome handle(StepTask task, HandlerContext context) {
        return StepOutcome.succeeded(task.input());
    }
}
