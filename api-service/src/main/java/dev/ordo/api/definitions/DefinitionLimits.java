package dev.ordo.api.definitions;

import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.wire.RecordLimits;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a definition is small enough to run: every start record carries its pinned copy, and the
 * engine's state grows with its steps, so both are bounded ({@link RecordLimits#MAX_STEPS} steps,
 * {@link RecordLimits#MAX_DEFINITION_BYTES} bytes encoded as the engine receives it). A definition
 * over either limit is refused at create and edit, and is invalid for {@code validate}. The step
 * count is checked before the graph rules (they need not spend time on a graph that cannot run),
 * the size after them (only a well-formed definition can be encoded as the engine receives it).
 */
final class DefinitionLimits {

    static final String TOO_MANY_STEPS = "TOO_MANY_STEPS";
    static final String DEFINITION_TOO_LARGE = "DEFINITION_TOO_LARGE";

    private DefinitionLimits() {
    }

    /** The error when a definition has more steps than a start record may carry. */
    static Optional<DefinitionIssue> tooManySteps(int steps) {
        if (steps <= RecordLimits.MAX_STEPS) {
            return Optional.empty();
        }
        return Optional.of(DefinitionIssue.ofWorkflow(TOO_MANY_STEPS, "The workflow has " + steps
                + " steps; at most " + RecordLimits.MAX_STEPS + " are allowed",
                details("step_count", steps, "max_steps", RecordLimits.MAX_STEPS)));
    }

    /** The error when a definition, encoded as the engine receives it, takes more than its share of a record. */
    static Optional<DefinitionIssue> tooLarge(WorkflowSnapshot definition) {
        int size = RecordLimits.encodedSize(definition);
        if (size <= RecordLimits.MAX_DEFINITION_BYTES) {
            return Optional.empty();
        }
        return Optional.of(DefinitionIssue.ofWorkflow(DEFINITION_TOO_LARGE, "The workflow's definition takes " + size
                + " bytes encoded as JSON; at most " + RecordLimits.MAX_DEFINITION_BYTES + " bytes are allowed",
                details("size_bytes", size, "max_bytes", RecordLimits.MAX_DEFINITION_BYTES)));
    }

    private static Map<String, Object> details(String key, int value, String limitKey, int limit) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(key, value);
        details.put(limitKey, limit);
        return details;
    }
}
