package dev.ordo.cli.executions;

import dev.ordo.cli.CliFailure;
import dev.ordo.cli.ExitCode;
import dev.ordo.cli.Output;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ordo retry EXECUTION [--step-input STEP=JSON ...] [--watch]}: runs a failed or timed-out
 * execution again under the same id, from the steps that did not complete; {@code --step-input}
 * replaces a step's input for this run.
 */
@Command(name = "retry", mixinStandardHelpOptions = true, description = "Retry a failed or timed-out execution from its failed steps.")
public final class RetryCommand extends ExecutionCommand {

    @Option(names = "--step-input", paramLabel = "STEP=JSON", description = "the input a retried step gets, as a JSON object (repeatable)")
    Map<String, String> stepInputs = new LinkedHashMap<>();

    @Option(names = "--watch", description = "follow the execution live until it ends; exit 1 unless it completed")
    boolean watch;

    @Override
    public Integer call() {
        Output out = out();
        String id = executionId();
        ObjectNode body = api().json().createObjectNode();
        if (!stepInputs.isEmpty()) {
            ObjectNode inputs = body.putObject("step_inputs");
            stepInputs.forEach((step, text) -> inputs.set(step, objectFrom(step, text)));
        }
        long floor = watch ? ExecutionWatch.lastRecordedSequence(api(), id) : 0;
        JsonNode accepted = api().post("/api/workflows/executions/" + id + "/retry", body);
        return Finish.acceptedOrWatched(out, accepted, new ExecutionWatch(api(), out, id, floor), watch);
    }

    private JsonNode objectFrom(String step, String text) {
        try {
            JsonNode parsed = api().json().readTree(text);
            if (parsed.isObject()) {
                return parsed;
            }
        } catch (JacksonException notJson) {
            // refused below, with the step named
        }
        throw new CliFailure(ExitCode.USAGE, "--step-input " + step + " wants a JSON object, got " + text);
    }
}
