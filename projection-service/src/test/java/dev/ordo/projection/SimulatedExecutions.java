package dev.ordo.projection;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.domain.execution.RandomWorkflows;
import dev.ordo.domain.execution.SimulatedRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random executions driven through the engine's own decider ({@link SimulatedRun}: successes,
 * retries, timeouts, cancels, late and duplicate reports), as the event log records them. Each
 * execution's events are {@value #SPACING_MILLIS} ms apart from its start. Runs whose events hold
 * the simulation's very large outputs are left out unless asked for: they test limits, not folds.
 */
public final class SimulatedExecutions {

    static final long SPACING_MILLIS = 137;
    private static final int LARGE_EVENT_BYTES = 64 * 1024;

    private SimulatedExecutions() {
    }

    /** {@code count} executions from {@code seed}, the i-th starting {@code i} seconds after {@code start}. */
    public static List<List<EventEnvelope>> generate(long seed, int count, Instant start) {
        Random random = new Random(seed);
        List<List<EventEnvelope>> executions = new ArrayList<>();
        while (executions.size() < count) {
            SimulatedRun run = new SimulatedRun(random);
            java.util.UUID id = run.run(RandomWorkflows.next(random)).executionId();
            List<ExecutionEvent> log = run.log();
            Instant startedAt = start.plusSeconds(executions.size());
            List<EventEnvelope> envelopes = new ArrayList<>();
            for (int i = 0; i < log.size(); i++) {
                envelopes.add(new EventEnvelope(id, i + 1, startedAt.plusMillis(i * SPACING_MILLIS), log.get(i)));
            }
            if (!envelopes.isEmpty() && envelopes.stream().noneMatch(SimulatedExecutions::isLarge)) {
                executions.add(envelopes);
            }
        }
        return executions;
    }

    /** Every execution's events, interleaved round by round as concurrent executions reach the log. */
    public static List<EventEnvelope> interleaved(List<List<EventEnvelope>> executions) {
        List<EventEnvelope> log = new ArrayList<>();
        int longest = executions.stream().mapToInt(List::size).max().orElse(0);
        for (int round = 0; round < longest; round++) {
            for (List<EventEnvelope> execution : executions) {
                if (round < execution.size()) {
                    log.add(execution.get(round));
                }
            }
        }
        return log;
    }

    private static boolean isLarge(EventEnvelope envelope) {
        return JsonCodec.instance().encode(envelope).length > LARGE_EVENT_BYTES;
    }
}
