package dev.ordo.api.executions.reads;

import dev.ordo.api.executions.reads.ExecutionProgress.StepProgress;
import java.util.Optional;

/**
 * One execution as api-service knows it: what it is, and where it stands now.
 *
 * @param projected whether the projection has seen it; until then it reads as {@code pending}
 */
public record Execution(ExecutionHeader header, ExecutionProgress progress, boolean projected) {

    public Optional<StepProgress> step(String name) {
        return progress.steps().stream().filter(step -> step.name().equals(name)).findFirst();
    }
}
