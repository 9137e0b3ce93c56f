package dev.ordo.cli.executions;

import dev.ordo.cli.Output;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code ordo rerun EXECUTION [--watch]}: a new execution of the same pinned version and inputs. */
@Command(name = "rerun", mixinStandardHelpOptions = true, description = "Start a new execution with the same workflow version and inputs.")
public final class RerunCommand extends ExecutionCommand {

    @Option(names = "--idempotency-key", paramLabel = "KEY", description = "a repeat with the same key returns the same execution")
    String idempotencyKey;

    @Option(names = "--watch", description = "follow the new execution live until it ends; exit 1 unless it completed")
    boolean watch;

    @Override
    public Integer call() {
        Output out = out();
        String id = executionId();
        Map<String, String> headers = idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey);
        JsonNode accepted = api().post("/api/workflows/executions/" + id + "/rerun", null, headers);
        String executionId = accepted.path("execution_id").asString();
        return Finish.acceptedOrWatched(out, accepted, new ExecutionWatch(api(), out, executionId), watch);
    }
}
