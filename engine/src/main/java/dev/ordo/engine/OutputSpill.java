package dev.ordo.engine;

import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.domain.execution.ExecutionState;
import dev.ordo.domain.execution.StepState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which steps keep their output and error outside the state record: every step whose output and
 * error encode to more than {@value #SPILL_THRESHOLD_BYTES} bytes, then, largest first, as many
 * more as it takes for the rest to fit {@value #INLINE_BUDGET_BYTES} bytes together.
 */
final class OutputSpill {

    static final int SPILL_THRESHOLD_BYTES = 16 * 1024;
    static final int INLINE_BUDGET_BYTES = 64 * 1024;

    /**
     * @param spilled every step kept apart
     * @param toWrite the encoded {@link SpilledOutput} of each step that is newly kept apart or changed
     */
    record Plan(Set<String> spilled, Map<String, byte[]> toWrite) {
    }

    private OutputSpill() {
    }

    /** @param keptUnchanged steps already kept apart whose output and error did not change: they stay apart, unmeasured */
    static Plan plan(ExecutionState state, Set<String> keptUnchanged) {
        Set<String> spilled = new TreeSet<>(keptUnchanged);
        Map<String, byte[]> toWrite = new LinkedHashMap<>();
        List<Map.Entry<String, byte[]>> inline = new ArrayList<>();
        long inlineBytes = 0;
        for (Map.Entry<String, StepState> entry : state.steps().entrySet()) {
            StepState step = entry.getValue();
            if (keptUnchanged.contains(entry.getKey()) || step.output() == null && step.error() == null) {
                continue;
            }
            byte[] encoded = JsonCodec.instance().encode(new SpilledOutput(step.output(), step.error()));
            if (encoded.length > SPILL_THRESHOLD_BYTES) {
                spilled.add(entry.getKey());
                toWrite.put(entry.getKey(), encoded);
            } else {
                inline.add(Map.entry(entry.getKey(), encoded));
                inlineBytes += encoded.length;
            }
        }
        inline.sort(Comparator.comparingInt((Map.Entry<String, byte[]> entry) -> entry.getValue().length).reversed());
        for (int i = 0; inlineBytes > INLINE_BUDGET_BYTES; i++) {
            Map.Entry<String, byte[]> largest = inline.get(i);
            spilled.add(largest.getKey());
            toWrite.put(largest.getKey(), largest.getValue());
            inlineBytes -= largest.getValue().length;
        }
        return new Plan(spilled, toWrite);
    }
}
