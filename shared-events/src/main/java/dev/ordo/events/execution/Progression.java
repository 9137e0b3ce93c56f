package dev.ordo.events.execution;

import dev.ordo.events.definition.StepSpec;
import dev.ordo.events.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.events.execution.ExecutionEvent.StepScheduled;
import dev.ordo.events.execution.ExecutionEvent.StepSkipped;
import dev.ordo.events.execution.ExecutionEvent.StepSucceeded;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What follows from a state by itself: every pending step whose dependencies are all completed is
 * scheduled (structural steps complete at once), a step with a skipped dependency is skipped, and
 * when every step is finished the execution completes. Repeats until nothing more follows.
 */
final class Progression {

    private Progression() {
    }

    /** The events that follow {@code state}; {@code state} must be running. */
    static List<ExecutionEvent> from(ExecutionState state) {
        List<ExecutionEvent> events = new ArrayList<>();
        ExecutionState current = state;
        List<ExecutionEvent> round = nextRound(current);
        while (!round.isEmpty()) {
            for (ExecutionEvent event : round) {
                events.add(event);
                current = current.evolve(event);
            }
            round = nextRound(current);
        }
        if (allStepsFinished(current)) {
            events.add(new ExecutionCompleted());
        }
        return events;
    }

    private static List<ExecutionEvent> nextRound(ExecutionState state) {
        List<ExecutionEvent> round = new ArrayList<>();
        for (StepSpec step : state.definition().steps()) {
            if (state.step(step.name()).status() != StepStatus.PENDING) {
                continue;
            }
            if (anyDependencyIs(step, state, StepStatus.SKIPPED)) {
                round.add(new StepSkipped(step.name(), "a step it depends on was skipped"));
            } else if (allDependenciesCompleted(step, state)) {
                round.add(step.isStructural()
                        ? new StepSucceeded(step.name(), 0, Map.of())
                        : new StepScheduled(step.name(), 1, StepInputs.of(step, state)));
            }
        }
        return round;
    }

    private static boolean allDependenciesCompleted(StepSpec step, ExecutionState state) {
        return step.dependsOn().stream().allMatch(name -> state.step(name).status() == StepStatus.COMPLETED);
    }

    private static boolean anyDependencyIs(StepSpec step, ExecutionState state, StepStatus status) {
        return step.dependsOn().stream().anyMatch(name -> state.step(name).status() == status);
    }

    private static boolean allStepsFinished(ExecutionState state) {
        return state.steps().values().stream().allMatch(step -> step.status().isFinished());
    }
}
