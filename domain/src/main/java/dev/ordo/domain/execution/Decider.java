package dev.ordo.domain.execution;

import dev.ordo.contract.execution.EngineInput;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRetried;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.execution.TimerFired;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one way from an input to what an execution records: decide by the {@link Rules}, evolve the
 * state by each event, number the events, derive the tasks and the timer changes. The engine, the
 * simulator and the tests all go through here.
 *
 * <p>It holds, for every state and input:
 * <ul>
 *   <li>pure: the same state, input and time give the same outcome;</li>
 *   <li>sequences continue the state's version without gaps, and the new state is the fold of the
 *       old one with exactly the recorded events;</li>
 *   <li>an execution the engine does not know records only a start (its {@code ExecutionStarted},
 *       or {@code ExecutionRejected} when it cannot run); anything else for it is {@link Outcome.Ignored};</li>
 *   <li>an execution runs in one or more runs: the first begins with {@code ExecutionStarted}, each
 *       later one with an {@code ExecutionRetried}, recorded only for a failed or timed-out
 *       execution; each run ends with exactly one terminal event. After a terminal event an
 *       execution records only rejections, incidents, or the one {@code ExecutionRetried} that
 *       begins its next run; so the last event that changes its status (a start, a terminal event,
 *       a retry) decides its status;</li>
 *   <li>nothing thrown while deciding escapes: it becomes an incident of that execution
 *       ({@link Incidents}), so one bad input never stops the partition it came on.</li>
 * </ul>
 */
public final class Decider {

    /** The rules a decider applies; tests may stand in rules that fail. */
    @FunctionalInterface
    interface Rulebook {
        Decision decide(ExecutionState state, EngineInput input, Instant now);
    }

    private final Rulebook rules;

    public Decider() {
        this(Rules::decide);
    }

    Decider(Rulebook rules) {
        this.rules = rules;
    }

    public Outcome decide(ExecutionState state, EngineInput input, DecisionContext context) {
        try {
            Decision decision = rules.decide(state, input, context.now());
            if (decision.events().isEmpty()) {
                return new Outcome.Ignored(decision.reason());
            }
            if (state.status() == ExecutionStatus.UNKNOWN && decision.isRejection()) {
                return new Outcome.Ignored("No execution " + state.executionId() + " to record "
                        + input.getClass().getSimpleName() + " in: "
                        + ((ExecutionEvent.CommandRejected) decision.events().get(0)).reason());
            }
            return record(state, decision.events());
        } catch (RuntimeException failure) {
            return Incidents.whileHandling(state, input, failure).<Outcome>map(events -> record(state, events))
                    .orElseGet(() -> new Outcome.Ignored("No execution " + state.executionId() + " to record "
                            + Incidents.describe(input, failure) + " in"));
        }
    }

    /**
     * An input that could not be decoded, known only by the execution it was keyed with. An
     * unknown execution is rejected (it reads as failed); a running one records the incident and
     * fails; a finished one records the incident alone.
     *
     * @param input what arrived, e.g. {@code "record of workflow.step-reports at offset 7"}
     * @param error why it could not be read
     */
    public Outcome unreadable(ExecutionState state, String input, String error) {
        return record(state, Incidents.unreadable(state, input, error));
    }

    /**
     * An input the adapter could not carry through, by the same rules as a failure while deciding:
     * a running execution records the incident and fails, a finished one records the incident, an
     * unknown one records a start's rejection and ignores anything else.
     */
    public Outcome failedOn(ExecutionState state, FailedInput input, String error) {
        return Incidents.adapterFailure(state, input, error).<Outcome>map(events -> record(state, events))
                .orElseGet(() -> new Outcome.Ignored("No execution " + state.executionId() + " to record "
                        + input.description() + " in: " + error));
    }

    private static Outcome.Recorded record(ExecutionState before, List<ExecutionEvent> events) {
        List<NumberedEvent> numbered = new ArrayList<>(events.size());
        List<StepTask> tasks = new ArrayList<>();
        ExecutionState state = before;
        for (ExecutionEvent event : events) {
            state = state.evolve(event);
            numbered.add(new NumberedEvent(state.version(), event));
            if (event instanceof StepScheduled scheduled) {
                tasks.add(StepTasks.of(state, scheduled));
            }
        }
        Set<TimerFired> old = Timers.pending(before);
        Set<TimerFired> now = Timers.pending(state);
        Set<TimerFired> added = new LinkedHashSet<>(now);
        added.removeAll(old);
        Set<TimerFired> removed = new LinkedHashSet<>(old);
        removed.removeAll(now);
        boolean finishedNow = events.stream().anyMatch(ExecutionEvent::isTerminal);
        boolean reopenedNow = events.stream().anyMatch(ExecutionRetried.class::isInstance);
        return new Outcome.Recorded(numbered, state, tasks, added, removed, finishedNow, reopenedNow);
    }
}
