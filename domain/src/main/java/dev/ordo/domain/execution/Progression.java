package dev.ordo.domain.execution;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.StepStatus;
import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepSkipped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What follows from a state by itself, repeated until nothing more follows:
 *
 * <ul>
 *   <li>a pending step with a skipped dependency is skipped (unless it runs when dependencies are
 *       skipped); one with a failed or cancelled dependency can never run;</li>
 *   <li>a pending step whose dependencies all completed is launched ({@link StepLaunch});</li>
 *   <li>a step the launch failed (its condition could not be evaluated) fails the execution at once
 *       unless it continues on error;</li>
 *   <li>when nothing is left in flight, the execution completes if every step finished without
 *       failure, and fails otherwise.</li>
 * </ul>
 */
final class Progression {

    private Progression() {
    }

    /** The events that follow {@code state}, which must be running, at {@code now}. */
    static List<ExecutionEvent> from(ExecutionState state, Instant now) {
        List<ExecutionEvent> events = new ArrayList<>();
        ExecutionState current = state;
        List<ExecutionEvent> round = nextRound(current, now);
        while (!round.isEmpty()) {
            for (ExecutionEvent event : round) {
                events.add(event);
                current = current.evolve(event);
            }
            Optional<String> failFast = firstFailFast(round, current);
            if (failFast.isPresent()) {
                events.add(AttemptOutcomes.failed(current, failFast.get()));
                return events;
            }
            round = nextRound(current, now);
        }
        ending(current).ifPresent(events::add);
        return events;
    }

    private static List<ExecutionEvent> nextRound(ExecutionState state, Instant now) {
        List<ExecutionEvent> round = new ArrayList<>();
        for (StepSpec spec : state.definition().steps()) {
            if (state.step(spec.name()).status() != StepStatus.PENDING) {
                continue;
            }
            StepSettings step = StepSettings.of(state.definition(), spec);
            if (anyDependency(spec, state, StepStatus.FAILED, StepStatus.TIMED_OUT, StepStatus.CANCELLED)) {
                continue;
            }
            if (!step.runWhenDependencySkipped() && anyDependency(spec, state, StepStatus.SKIPPED)) {
                round.add(new StepSkipped(spec.name(), "a step it depends on was skipped"));
            } else if (allDependenciesDone(step, state)) {
                round.add(StepLaunch.of(step, state, now));
            }
        }
        return round;
    }

    private static Optional<String> firstFailFast(List<ExecutionEvent> round, ExecutionState state) {
        return round.stream()
                .filter(StepFailed.class::isInstance)
                .map(event -> ((StepFailed) event).stepName())
                .filter(name -> !StepSettings.of(state, name).continueOnError())
                .findFirst();
    }

    /** The terminal event once nothing is active, if any. */
    private static Optional<ExecutionEvent> ending(ExecutionState state) {
        if (state.steps().values().stream().anyMatch(step -> step.status().isActive())) {
            return Optional.empty();
        }
        Optional<String> failed = state.steps().entrySet().stream()
                .filter(entry -> entry.getValue().status().isFailure())
                .map(java.util.Map.Entry::getKey)
                .findFirst();
        if (failed.isPresent()) {
            return Optional.of(AttemptOutcomes.failed(state, failed.get()));
        }
        List<String> stuck = state.steps().entrySet().stream()
                .filter(entry -> !entry.getValue().status().isFinished())
                .map(entry -> "'" + entry.getKey() + "'")
                .collect(Collectors.toList());
        if (stuck.isEmpty()) {
            return Optional.of(new ExecutionCompleted());
        }
        return Optional.of(new ExecutionFailed(null, "Expected every step to become ready, but "
                + String.join(", ", stuck) + " wait on each other"));
    }

    private static boolean allDependenciesDone(StepSettings step, ExecutionState state) {
        return step.spec().dependsOn().stream().map(state::step).allMatch(dependency ->
                dependency.status() == StepStatus.COMPLETED
                        || dependency.status() == StepStatus.SKIPPED && step.runWhenDependencySkipped());
    }

    private static boolean anyDependency(StepSpec spec, ExecutionState state, StepStatus... statuses) {
        List<StepStatus> wanted = List.of(statuses);
        return spec.dependsOn().stream().anyMatch(name -> wanted.contains(state.step(name).status()));
    }
}
