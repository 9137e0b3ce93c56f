package dev.ordo.cli.executions;

import dev.ordo.cli.Api;
import dev.ordo.cli.Connection;
import dev.ordo.cli.Output;
import dev.ordo.cli.workflows.WorkflowRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code ordo run WORKFLOW --input k=v ... [--watch]}: starts an execution, and optionally follows it. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Start an execution of a workflow (by id or name).")
public final class RunCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Parameters(paramLabel = "WORKFLOW", description = "the workflow's id or name")
    String workflow;

    @Option(names = {"-i", "--input"}, paramLabel = "KEY=VALUE",
            description = "an input variable; typed by the workflow's declared data_type (repeatable)")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "a repeat with the same key returns the same execution")
    String idempotencyKey;

    @Option(names = "--watch", description = "follow the execution live until it ends; exit 1 unless it completed")
    boolean watch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Api api = connection.api();
        Output out = new Output(spec.commandLine().getOut(), connection.json());
        String workflowId = WorkflowRef.resolve(api, workflow);
        JsonNode definition = api.get("/api/workflows/" + workflowId, Map.of());
        ObjectNode body = api.json().createObjectNode();
        body.set("input_variables", InputAssignments.parse(inputs, declaredTypes(definition)));
        Map<String, String> headers = idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey);
        JsonNode accepted = api.post("/api/workflows/" + workflowId + "/execute", body, headers);
        String executionId = accepted.path("execution_id").asString();
        return Finish.acceptedOrWatched(out, accepted, new ExecutionWatch(api, out, executionId), watch);
    }

    private static Map<String, String> declaredTypes(JsonNode definition) {
        Map<String, String> types = new HashMap<>();
        for (JsonNode variable : definition.path("variables")) {
            types.put(variable.path("name").asString(), variable.path("data_type").asString("string"));
        }
        return types;
    }
}
