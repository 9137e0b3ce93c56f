package dev.ordo.engine;

import java.util.Map;

/**
 * A value of the {@value EngineTopology#STEP_OUTPUTS_STORE} store, keyed {@code <execution>|<step>}:
 * the output and error of one step, kept outside its execution's state record.
 */
record SpilledOutput(Map<String, Object> output, String error) {
}
