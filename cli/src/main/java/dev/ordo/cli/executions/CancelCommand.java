package dev.ordo.cli.executions;

import dev.ordo.cli.ExitCode;
import dev.ordo.cli.Output;
import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;

/** {@code ordo cancel EXECUTION}: asks for the cancel; the execution reads cancelled moments later. */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a running execution.")
public final class CancelCommand extends ExecutionCommand {

    @Override
    public Integer call() {
        String id = executionId();
        JsonNode accepted = api().post("/api/workflows/executions/" + id + "/cancel", null);
        out().either(accepted, Output.text(accepted, "status") + " execution " + id);
        return ExitCode.OK;
    }
}
