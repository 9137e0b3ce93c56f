package dev.ordo.domain.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.EngineInput;
import dev.ordo.contract.execution.ExecutionCommand.CancelExecution;
import dev.ordo.contract.execution.ExecutionCommand.RetryExecution;
import dev.ordo.contract.execution.ExecutionCommand.StartExecution;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.StepReport.StepFailedReport;
import dev.ordo.contract.execution.StepReport.StepHeartbeatReport;
import dev.ordo.contract.execution.StepReport.StepStartedReport;
import dev.ordo.contract.execution.StepReport.StepSucceededReport;
import dev.ordo.contract.execution.StepStatus;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.execution.TimerFired;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Drives the {@link Decider} like the engine does, against simulated workers that answer each task
 * at random: success, retryable or terminal failure, silence (so it times out), heartbeats (some
 * with progress, some stopping as if the worker died, so a heartbeat timeout times it out), late or
 * duplicate reports, now and then an output too large to keep; sometimes a client cancels, the
 * start is delivered twice, or a report arrives just after the workflow deadline while the timer
 * tick runs late. Timers are kept from each outcome's timer changes, as the engine keeps its timer
 * store, and fire when due (up to the run's tick lag late). Records every event in sequence order.
 *
 * <p>A client may also retry: once the execution has settled, up to a few times, sometimes giving
 * one of the steps to run again a new input, sometimes with step inputs the rules refuse (a step
 * the workflow lacks, or one that completed), now and then a retry of a completed or cancelled
 * execution; and sometimes a retry races the run (sent while it still runs), or a cancel follows
 * a retry.
 */
public final class SimulatedRun {

    private static final String BLOB = "x".repeat(640_000);

    private record Pending(Instant at, long order, EngineInput input) {
    }

    private final Random random;
    private final UUID executionId;
    private final Decider decider = new Decider();
    private final PriorityQueue<Pending> inbox = new PriorityQueue<>(
            Comparator.comparing(Pending::at).thenComparingLong(Pending::order));
    private final Set<TimerFired> timers = new LinkedHashSet<>();
    private final List<ExecutionEvent> log = new ArrayList<>();
    private final List<StepTask> tasks = new ArrayList<>();
    private final List<EngineInput> ignored = new ArrayList<>();
    private final List<ExecutionState> states = new ArrayList<>();
    private final long tickLagMillis;
    private final boolean largeOutputs;
    private final int retries;
    private int retriesAsked;
    private ExecutionState state;
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private long order;

    public SimulatedRun(Random random) {
        this.random = random;
        this.executionId = new UUID(random.nextLong(), random.nextLong());
        this.state = ExecutionState.unknown(executionId);
        this.tickLagMillis = random.nextInt(3) == 0 ? 1 + random.nextInt(500) : 0;
        this.largeOutputs = random.nextInt(20) == 0;
        this.retries = random.nextInt(4);
    }

    /** Runs until nothing more can happen; returns the final state. */
    public ExecutionState run(WorkflowSnapshot definition) {
        Map<String, Object> inputs = Map.of("flag", random.nextBoolean(), "count", random.nextInt(5));
        StartExecution start = new StartExecution(executionId, UUID.randomUUID(), 1, UUID.randomUUID(), null,
                definition, inputs, now);
        send(now, start);
        if (random.nextInt(5) == 0) {
            send(now.plusMillis(random.nextInt(20_000)), start);
        }
        if (random.nextInt(6) == 0) {
            send(now.plusMillis(random.nextInt(5000)), new CancelExecution(executionId, "changed my mind", now));
        }
        if (random.nextInt(10) == 0) {
            send(now.plusMillis(random.nextInt(20_000)), new RetryExecution(executionId, Map.of(), now));
        }
        for (int steps = 0; steps < 10_000; steps++) {
            Pending next = nextInput();
            if (next == null && retriesAsked < retries) {
                askToRetry();
                next = nextInput();
            }
            if (next == null) {
                return state;
            }
            now = next.at().isAfter(now) ? next.at() : now;
            decideAndApply(next.input());
        }
        throw new AssertionError("Execution did not settle within 10000 inputs");
    }

    /** Every recorded event, in sequence order. */
    public List<ExecutionEvent> log() {
        return log;
    }

    /** The state after each event: element {@code n - 1} is the state once event {@code n} was applied. */
    public List<ExecutionState> states() {
        return states;
    }

    /** Every task handed to the workers, in order. */
    public List<StepTask> tasks() {
        return tasks;
    }

    /** Every input the decider ignored, in order. */
    public List<EngineInput> ignored() {
        return ignored;
    }

    /** The earliest due timer, unless a queued input arrives before that timer's tick (which may lag). */
    private Pending nextInput() {
        Pending queued = inbox.peek();
        TimerFired timer = timers.stream().min(Comparator.comparing(TimerFired::dueAt)).orElse(null);
        if (timer != null && (queued == null || !timer.dueAt().plusMillis(tickLagMillis).isAfter(queued.at()))) {
            timers.remove(timer);
            return new Pending(timer.dueAt(), -1, timer);
        }
        return inbox.poll();
    }

    private void decideAndApply(EngineInput input) {
        Instant decidedAt = now;
        Outcome outcome = decider.decide(state, input, () -> decidedAt);
        if (outcome instanceof Outcome.Ignored) {
            ignored.add(input);
            return;
        }
        Outcome.Recorded recorded = (Outcome.Recorded) outcome;
        ExecutionState folded = state;
        for (NumberedEvent numbered : recorded.events()) {
            folded = folded.evolve(numbered.event());
            assertThat(numbered.sequence()).isEqualTo(folded.version()).isEqualTo(log.size() + 1L);
            log.add(numbered.event());
            states.add(folded);
        }
        assertThat(recorded.state()).isEqualTo(folded);
        state = recorded.state();
        timers.removeAll(recorded.timersRemoved());
        timers.addAll(recorded.timersAdded());
        assertThat(timers).as("timers kept from the changes").containsExactlyInAnyOrderElementsOf(Timers.pending(state));
        recorded.tasks().forEach(this::answer);
    }

    private void answer(StepTask task) {
        tasks.add(task);
        String step = task.stepName();
        int attempt = task.attempt();
        Instant startAt = now.plusMillis(random.nextInt(200));
        send(startAt, new StepStartedReport(executionId, step, attempt, "w"));
        Instant endAt = startAt.plusMillis(random.nextInt(12_000));
        heartbeats(step, attempt, startAt, endAt);
        int outcome = random.nextInt(10);
        if (outcome < 5) {
            send(endAt, new StepSucceededReport(executionId, step, attempt, output(step)));
        } else if (outcome < 7) {
            send(endAt, new StepFailedReport(executionId, step, attempt, "transient", true));
        } else if (outcome == 7) {
            send(endAt, new StepFailedReport(executionId, step, attempt, "fatal", false));
        }
        if (random.nextInt(8) == 0) {
            send(endAt.plusMillis(random.nextInt(5000)), new StepSucceededReport(executionId, step, attempt, Map.of()));
        }
        if (tickLagMillis > 0 && state.deadline() != null && random.nextInt(4) == 0) {
            send(state.deadline().plusMillis(random.nextInt((int) tickLagMillis)),
                    new StepSucceededReport(executionId, step, attempt, Map.of("late", true)));
        }
    }

    /**
     * Now and then the worker beats every 0.2 to 1 s, sometimes with new progress, until the attempt
     * ends or, as if it died, up to 12 s after the start, whichever it picked; beats may also run
     * past the attempt's end.
     */
    private void heartbeats(String step, int attempt, Instant startAt, Instant endAt) {
        if (random.nextInt(3) != 0) {
            return;
        }
        Instant stopsAt = random.nextBoolean() ? endAt : startAt.plusMillis(random.nextInt(12_000));
        int progress = 0;
        for (Instant at = startAt.plusMillis(200 + random.nextInt(800)); at.isBefore(stopsAt);
                at = at.plusMillis(200 + random.nextInt(800))) {
            Map<String, Object> news = random.nextInt(4) == 0 ? Map.of("done", ++progress) : null;
            send(at, new StepHeartbeatReport(executionId, step, attempt, "w", news));
        }
    }

    /** Once the execution settled, a client retries it, and now and then cancels the retried run. */
    private void askToRetry() {
        retriesAsked++;
        Instant retryAt = now.plusMillis(random.nextInt(30_000));
        send(retryAt, retry());
        if (random.nextInt(6) == 0) {
            send(retryAt.plusMillis(random.nextInt(5000)), new CancelExecution(executionId, "again no", now));
        }
    }

    /**
     * A client's retry, of whatever the execution is now: mostly plain, sometimes giving one step to
     * run again a new input, sometimes with step inputs the rules refuse.
     */
    private RetryExecution retry() {
        List<String> runAgain = state.steps().entrySet().stream()
                .filter(entry -> entry.getValue().status().isFailure()
                        || entry.getValue().status() == StepStatus.CANCELLED)
                .map(Map.Entry::getKey).toList();
        int kind = random.nextInt(10);
        Map<String, Map<String, Object>> stepInputs = Map.of();
        if (kind < 3 && !runAgain.isEmpty()) {
            stepInputs = Map.of(runAgain.get(random.nextInt(runAgain.size())), Map.of("given", random.nextInt(1000)));
        } else if (kind == 3) {
            List<String> completed = state.steps().entrySet().stream()
                    .filter(entry -> entry.getValue().status() == StepStatus.COMPLETED)
                    .map(Map.Entry::getKey).toList();
            String refused = completed.isEmpty() || random.nextBoolean() ? "ghost"
                    : completed.get(random.nextInt(completed.size()));
            stepInputs = Map.of(refused, Map.of("given", -1));
        }
        return new RetryExecution(executionId, stepInputs, now);
    }

    private Map<String, Object> output(String step) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("ok", random.nextBoolean());
        if (largeOutputs) {
            int size = random.nextInt(5) == 0 ? BLOB.length() : 150_000 + random.nextInt(250_000);
            output.put("blob_" + step, BLOB.substring(0, size));
        }
        return output;
    }

    private void send(Instant at, EngineInput input) {
        inbox.add(new Pending(at, order++, input));
    }
}
