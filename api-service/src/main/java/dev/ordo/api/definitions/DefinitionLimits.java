package dev.ordo.api.definitions;

import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.wire.RecordLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a definition is small enough to run: every start record carries its pinned copy, and the
 * engine's state grows with its steps, so both are bounded ({@link RecordLimits#MAX_STEPS} steps,
 * {@link RecordLimits#MAX_DEFINITION_BYTES} bytes encoded as the engine receives it). A definition
 * over either limit is refused at create and edit, and is invalid for {@code validate}.
 */
final class DefinitionLimits {

    static final String TOO_MANY_STEPS = "TOO_MANY_STEPS";
    static final String DEFINITION_TOO_LARGE = "DEFINITION_TOO_LARGE";

    private DefinitionLimits() {
    }

    /** One error per limit exceeded; none when the definition fits. */
    static List<DefinitionIssue> check(WorkflowSnapshot definition) {
        List<DefinitionIssue> errors = new ArrayList<>();
        int steps = definition.steps().size();
        if (steps > RecordLimits.MAX_STEPS) {
            errors.add(DefinitionIssue.ofWorkflow(TOO_MANY_STEPS, "The workflow has " + steps + " steps; at most "
                    + RecordLimits.MAX_STEPS + " are allowed", details("step_count", steps, "max_steps",
                    RecordLimits.MAX_STEPS)));
        }
        int size = RecordLimits.encodedSize(definition);
        if (size > RecordLimits.MAX_DEFINITION_BYTES) {
            errors.add(DefinitionIssue.ofWorkflow(DEFINITION_TOO_LARGE, "The workflow's definition takes " + size
                    + " bytes encoded as JSON; at most " + RecordLimits.MAX_DEFINITION_BYTES + " bytes are allowed",
                    details("size_bytes", size, "max_bytes", RecordLimits.MAX_DEFINITION_BYTES)));
        }
        return errors;
    }

    private static Map<String, Object> details(String key, int value, String limitKey, int limit) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(key, value);
        details.put(limitKey, limit);
        return details;
    }
}
