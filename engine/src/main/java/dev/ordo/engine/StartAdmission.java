package dev.ordo.engine;

import dev.ordo.contract.execution.ExecutionCommand.StartExecution;
import dev.ordo.contract.wire.RecordLimits;

/**
 * The bounds a start must keep for the engine to hold its execution within Kafka's record size
 * (see {@link RecordLimits}): at most {@value RecordLimits#MAX_STEPS} steps, a definition of at most
 * {@value RecordLimits#MAX_DEFINITION_BYTES} bytes and input variables of at most
 * {@value RecordLimits#MAX_INPUT_VARIABLES_BYTES} bytes. The API refuses larger ones already; the
 * engine holds every start to them again, since a command may come from anywhere.
 */
final class StartAdmission {

    private StartAdmission() {
    }

    /** Why the engine refuses to run {@code start}, or null when it fits. */
    static String refusal(StartExecution start) {
        if (start.definition() == null) {
            return "Expected a start with a definition, but it has none";
        }
        int steps = start.definition().steps().size();
        if (steps > RecordLimits.MAX_STEPS) {
            return "Expected a definition of at most " + RecordLimits.MAX_STEPS + " steps, but it has " + steps;
        }
        int definition = RecordLimits.encodedSize(start.definition());
        if (definition > RecordLimits.MAX_DEFINITION_BYTES) {
            return "Expected a definition of at most " + RecordLimits.MAX_DEFINITION_BYTES + " bytes, but it is "
                    + definition + " bytes";
        }
        int inputs = RecordLimits.encodedSize(start.inputs());
        if (inputs > RecordLimits.MAX_INPUT_VARIABLES_BYTES) {
            return "Expected input variables of at most " + RecordLimits.MAX_INPUT_VARIABLES_BYTES
                    + " bytes, but they are " + inputs + " bytes";
        }
        return null;
    }
}
