package dev.ordo.cli.executions;

import dev.ordo.cli.Connection;
import dev.ordo.cli.ExitCode;
import dev.ordo.cli.Output;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code ordo cancel EXECUTION}: asks for the cancel; the execution reads cancelled moments later. */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a running execution.")
public final class CancelCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Parameters(paramLabel = "EXECUTION", description = "the execution's id")
    String execution;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Output out = new Output(spec.commandLine().getOut(), connection.json());
        String id = ExecutionArgument.checked(execution);
        JsonNode accepted = connection.api().post("/api/workflows/executions/" + id + "/cancel", null);
        out.either(accepted, Output.text(accepted, "status") + " execution " + id);
        return ExitCode.OK;
    }
}
