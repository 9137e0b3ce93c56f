package dev.ordo.domain.execution;

import dev.ordo.contract.execution.EngineInput;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.TimerFired;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionCommand.CancelExecution;
import dev.ordo.contract.execution.ExecutionCommand.StartExecution;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.StepReport.StepFailedReport;
import dev.ordo.contract.execution.StepReport.StepStartedReport;
import dev.ordo.contract.execution.StepReport.StepSucceededReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;

/**
 * Drives the decider like the engine does, against simulated workers that answer each scheduled
 * attempt at random: success, retryable or terminal failure, silence (so it times out), late or
 * duplicate reports; sometimes a client cancels. Timers fire from {@link Timers#pending}.
 * Records every event with the sequence the engine would give it.
 */
public final class SimulatedRun {

    private record Pending(Instant at, long order, EngineInput input) {
    }

    private final Random random;
    private final UUID executionId;
    private final PriorityQueue<Pending> inbox = new PriorityQueue<>(
            Comparator.comparing(Pending::at).thenComparingLong(Pending::order));
    private final List<ExecutionEvent> log = new ArrayList<>();
    private ExecutionState state;
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private long order;

    public SimulatedRun(Random random) {
        this.random = random;
        this.executionId = new UUID(random.nextLong(), random.nextLong());
        this.state = ExecutionState.unknown(executionId);
    }

    /** Runs until nothing more can happen; returns the final state. */
    public ExecutionState run(WorkflowSnapshot definition) {
        Map<String, Object> inputs = Map.of("flag", random.nextBoolean(), "count", random.nextInt(5));
        send(now, new StartExecution(executionId, UUID.randomUUID(), 1, UUID.randomUUID(), null, definition, inputs, now));
        if (random.nextInt(6) == 0) {
            send(now.plusMillis(random.nextInt(5000)), new CancelExecution(executionId, "changed my mind", now));
        }
        for (int steps = 0; steps < 10_000; steps++) {
            Pending next = nextInput();
            if (next == null) {
                return state;
            }
            now = next.at().isAfter(now) ? next.at() : now;
            decideAndApply(next.input());
        }
        throw new AssertionError("Execution did not settle within 10000 inputs");
    }

    public List<ExecutionEvent> log() {
        return log;
    }

    private Pending nextInput() {
        Pending queued = inbox.peek();
        TimerFired timer = Timers.pending(state).stream().min(Comparator.comparing(TimerFired::dueAt)).orElse(null);
        if (timer != null && (queued == null || !timer.dueAt().isAfter(queued.at()))) {
            return new Pending(timer.dueAt(), -1, timer);
        }
        return inbox.poll();
    }

    private void decideAndApply(EngineInput input) {
        Instant decidedAt = now;
        Decision decision = ExecutionDecider.decide(state, input, () -> decidedAt);
        if (decision.isRejection() && state.status() == ExecutionStatus.UNKNOWN) {
            return;
        }
        for (ExecutionEvent event : decision.events()) {
            long before = state.version();
            state = state.evolve(event);
            assertThat(state.version()).isEqualTo(before + 1);
            log.add(event);
            if (event instanceof StepScheduled scheduled) {
                answer(scheduled);
            }
        }
    }

    private void answer(StepScheduled task) {
        String step = task.stepName();
        int attempt = task.attempt();
        Instant startAt = now.plusMillis(random.nextInt(200));
        send(startAt, new StepStartedReport(executionId, step, attempt, "w"));
        Instant endAt = startAt.plusMillis(random.nextInt(12_000));
        int outcome = random.nextInt(10);
        if (outcome < 5) {
            send(endAt, new StepSucceededReport(executionId, step, attempt, Map.of("ok", random.nextBoolean())));
        } else if (outcome < 7) {
            send(endAt, new StepFailedReport(executionId, step, attempt, "transient", true));
        } else if (outcome == 7) {
            send(endAt, new StepFailedReport(executionId, step, attempt, "fatal", false));
        }
        if (random.nextInt(8) == 0) {
            send(endAt.plusMillis(random.nextInt(5000)), new StepSucceededReport(executionId, step, attempt, Map.of()));
        }
    }

    private void send(Instant at, EngineInput input) {
        inbox.add(new Pending(at, order++, input));
    }
}
