package dev.ordo.cli.executions;

import dev.ordo.cli.Connection;
import dev.ordo.cli.Output;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code ordo rerun EXECUTION [--watch]}: a new execution of the same pinned version and inputs. */
@Command(name = "rerun", mixinStandardHelpOptions = true, description = "Start a new execution with the same workflow version and inputs.")
public final class RerunCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Parameters(paramLabel = "EXECUTION", description = "the execution to run again")
    String execution;

    @Option(names = "--idempotency-key", paramLabel = "KEY", description = "a repeat with the same key returns the same execution")
    String idempotencyKey;

    @Option(names = "--watch", description = "follow the new execution live until it ends; exit 1 unless it completed")
    boolean watch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Output out = new Output(spec.commandLine().getOut(), connection.json());
        String id = ExecutionArgument.checked(execution);
        Map<String, String> headers = idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey);
        JsonNode accepted = connection.api().post("/api/workflows/executions/" + id + "/rerun", null, headers);
        String executionId = accepted.path("execution_id").asString();
        return Finish.acceptedOrWatched(out, accepted, new ExecutionWatch(connection.api(), out, executionId), watch);
    }
}
