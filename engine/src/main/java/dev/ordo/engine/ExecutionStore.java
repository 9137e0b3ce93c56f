package dev.ordo.engine;

import dev.ordo.contract.execution.ExecutionEvent.ExecutionStarted;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.domain.execution.ExecutionState;
import dev.ordo.domain.execution.StepState;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Where the engine keeps executions, in four stores, so that no record grows with the payloads:
 *
 * <ul>
 *   <li>{@value EngineTopology#EXECUTIONS_STORE}: a {@link StoredExecution} per live execution;</li>
 *   <li>{@value EngineTopology#STARTS_STORE}: its {@code ExecutionStarted} (definition and inputs),
 *       written once;</li>
 *   <li>{@value EngineTopology#STEP_OUTPUTS_STORE}: {@code <execution>|<step>} to the
 *       {@link SpilledOutput} of each step {@link OutputSpill} keeps apart;</li>
 *   <li>{@value EngineTopology#TOMBSTONES_STORE}: a {@link Tombstone} per execution whose retention
 *       ended, or whose start was refused.</li>
 * </ul>
 *
 * {@link #load} puts the whole state back together; {@link #plan} takes it apart again.
 *
 * <p>Why each record stays below {@code RecordLimits.MAX_RECORD_BYTES} (1,000,000): a start is
 * admitted only with at most 1,000 steps, a definition of at most 262,144 bytes and inputs of at
 * most 524,288 bytes (the domain's start admission, {@code PayloadLimits}), so its start record is under 787,000 bytes. The state
 * record holds per step a status, an attempt and two instants (about 130 bytes) plus its name, and
 * the names together are no longer than the definition; it holds outputs and errors up to 65,536
 * bytes in all ({@link OutputSpill}); so it stays under 1,000 x 130 + 2 x 262,144 + 65,536 + 300,
 * about 720,000 bytes, whatever the payloads. A spilled output is no larger than the event that
 * recorded it, which was measured. Every put is measured again before it is made ({@link StoreWrites}).
 */
final class ExecutionStore {

    /**
     * A state as loaded, with what {@link #plan} needs to know of how it was stored.
     *
     * @param live whether it has records in the live stores
     * @param startStored whether its start is in {@value EngineTopology#STARTS_STORE} (not for a new
     *     execution, nor for one stored before the start was kept apart)
     */
    record Loaded(ExecutionState state, boolean live, boolean startStored, Set<String> spilled) {
    }

    private final KeyValueStore<String, byte[]> executions;
    private final KeyValueStore<String, byte[]> starts;
    private final KeyValueStore<String, byte[]> outputs;
    private final KeyValueStore<String, byte[]> tombstones;

    ExecutionStore(KeyValueStore<String, byte[]> executions, KeyValueStore<String, byte[]> starts,
                   KeyValueStore<String, byte[]> outputs, KeyValueStore<String, byte[]> tombstones) {
        this.executions = executions;
        this.starts = starts;
        this.outputs = outputs;
        this.tombstones = tombstones;
    }

    static String outputKey(UUID executionId, String stepName) {
        return executionId + "|" + stepName;
    }

    Loaded load(UUID executionId) {
        String key = executionId.toString();
        byte[] stored = executions.get(key);
        if (stored != null) {
            return live(executionId, stored);
        }
        byte[] tombstone = tombstones.get(key);
        if (tombstone != null) {
            return new Loaded(decode(tombstone, Tombstone.class).toState(executionId), false, false, Set.of());
        }
        return new Loaded(ExecutionState.unknown(executionId), false, false, Set.of());
    }

    /** The writes that take {@code after} apart into the stores, where {@code before} was. */
    StoreWrites plan(Loaded before, ExecutionState after) {
        StoreWrites writes = new StoreWrites();
        String key = after.executionId().toString();
        if (Tombstone.fits(after)) {
            writes.put(tombstones, key, encode(Tombstone.of(after)), () -> "tombstone");
            if (before.live()) {
                deleteLive(writes, after.executionId(), before.spilled());
            }
            return writes;
        }
        if (!before.startStored()) {
            writes.put(starts, key, encode(after.start()), () -> "start record of the execution");
        }
        OutputSpill.Plan spill = OutputSpill.plan(after, keptUnchanged(before, after));
        spill.toWrite().forEach((step, value) ->
                writes.put(outputs, outputKey(after.executionId(), step), value, () -> "output of step '" + step + "'"));
        for (String step : before.spilled()) {
            if (!spill.spilled().contains(step)) {
                writes.delete(outputs, outputKey(after.executionId(), step));
            }
        }
        StoredExecution record = new StoredExecution(withoutKeptApart(after, spill.spilled()), List.copyOf(spill.spilled()));
        writes.put(executions, key, encode(record), () -> "state record of the execution");
        return writes;
    }

    /**
     * Replaces a finished execution whose retention ended by its tombstone.
     *
     * @return false when there is no finished execution to replace
     */
    boolean retire(UUID executionId) {
        byte[] stored = executions.get(executionId.toString());
        if (stored == null) {
            return false;
        }
        StoredExecution record = decodeStored(stored);
        if (!record.state().status().isTerminal()) {
            return false;
        }
        StoreWrites writes = new StoreWrites();
        writes.put(tombstones, executionId.toString(), encode(Tombstone.of(record.state())), () -> "tombstone");
        deleteLive(writes, executionId, Set.copyOf(record.spilledSteps()));
        writes.apply();
        return true;
    }

    /** Forgets a tombstone whose own retention ended: the id could then run again. */
    void forget(UUID executionId) {
        tombstones.delete(executionId.toString());
    }

    private Loaded live(UUID executionId, byte[] stored) {
        StoredExecution record = decodeStored(stored);
        ExecutionState state = record.state();
        if (state.start() != null) {
            return new Loaded(state, true, false, Set.of());
        }
        byte[] start = starts.get(executionId.toString());
        if (start == null) {
            throw new IllegalStateException("Expected the start of execution " + executionId + " in "
                    + EngineTopology.STARTS_STORE + ", but there is none");
        }
        Map<String, StepState> steps = new LinkedHashMap<>(state.steps());
        for (String step : record.spilledSteps()) {
            SpilledOutput kept = decode(outputs.get(outputKey(executionId, step)), SpilledOutput.class);
            steps.computeIfPresent(step, (name, s) -> s.withPayload(kept.output(), kept.error()));
        }
        ExecutionState whole = state.reassembled(decode(start, ExecutionStarted.class), steps);
        return new Loaded(whole, true, true, Set.copyOf(record.spilledSteps()));
    }

    /** A stored record, also one written before starts and outputs were kept apart (a bare state). */
    private static StoredExecution decodeStored(byte[] stored) {
        StoredExecution record = decode(stored, StoredExecution.class);
        return record.state() != null ? record : new StoredExecution(decode(stored, ExecutionState.class), List.of());
    }

    private static Set<String> keptUnchanged(Loaded before, ExecutionState after) {
        Set<String> unchanged = new HashSet<>();
        for (String step : before.spilled()) {
            StepState was = before.state().step(step);
            StepState is = after.step(step);
            if (is != null && Objects.equals(was.output(), is.output()) && Objects.equals(was.error(), is.error())
                    && (is.output() != null || is.error() != null)) {
                unchanged.add(step);
            }
        }
        return unchanged;
    }

    private static ExecutionState withoutKeptApart(ExecutionState state, Set<String> spilled) {
        Map<String, StepState> steps = new LinkedHashMap<>(state.steps());
        for (String step : spilled) {
            steps.computeIfPresent(step, (name, s) -> s.withPayload(null, null));
        }
        return state.reassembled(null, steps);
    }

    private void deleteLive(StoreWrites writes, UUID executionId, Set<String> spilled) {
        writes.delete(executions, executionId.toString());
        writes.delete(starts, executionId.toString());
        for (String step : spilled) {
            writes.delete(outputs, outputKey(executionId, step));
        }
    }

    private static byte[] encode(Object value) {
        return JsonCodec.instance().encode(value);
    }

    private static <T> T decode(byte[] bytes, Class<T> type) {
        if (bytes == null) {
            throw new IllegalStateException("Expected a stored " + type.getSimpleName() + ", but there is none");
        }
        return JsonCodec.instance().decode(bytes, type);
    }
}
