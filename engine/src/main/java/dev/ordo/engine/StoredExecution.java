package dev.ordo.engine;

import dev.ordo.domain.execution.ExecutionState;
import java.util.List;

/**
 * A value of the {@value EngineTopology#EXECUTIONS_STORE} store: the state of a running or recently
 * finished execution without what is kept apart from it, so that the record stays small whatever
 * the payloads: {@code state.start} (the definition and input variables, written once to
 * {@value EngineTopology#STARTS_STORE}) is null, and so are the output and error of every step in
 * {@code spilledSteps} (each in {@value EngineTopology#STEP_OUTPUTS_STORE}).
 */
record StoredExecution(ExecutionState state, List<String> spilledSteps) {

    StoredExecution {
        spilledSteps = spilledSteps == null ? List.of() : List.copyOf(spilledSteps);
    }
}
