package dev.ordo.cli.workflows;

import dev.ordo.cli.Api;
import dev.ordo.cli.Connection;
import dev.ordo.cli.ExitCode;
import dev.ordo.cli.Output;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ordo apply FILE}: makes the workspace hold the workflow the file describes. A workflow of
 * that name (in the file's {@code project_id}, if any) is updated with PATCH, which makes a new
 * version when steps, variables, config, timeouts or retries change; otherwise it is created.
 */
@Command(name = "apply", mixinStandardHelpOptions = true, description = "Create or update a workflow from a YAML or JSON file.")
public final class ApplyCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Parameters(paramLabel = "FILE", description = "the workflow: a POST /api/workflows/ body in YAML or JSON")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        WorkflowFile workflow = WorkflowFile.read(file);
        Api api = connection.api();
        Output out = new Output(spec.commandLine().getOut(), connection.json());
        Optional<JsonNode> existing = WorkflowRef.findByName(api, workflow.name(), workflow.projectId());
        if (existing.isEmpty()) {
            JsonNode created = api.post("/api/workflows/", workflow.document());
            out.either(created, "created workflow \"" + workflow.name() + "\" " + created.path("id").asString()
                    + " version " + created.path("version").asLong());
            return ExitCode.OK;
        }
        String id = existing.get().path("id").asString();
        long before = existing.get().path("version").asLong();
        ObjectNode changes = workflow.document().deepCopy();
        changes.remove("project_id");
        JsonNode updated = api.patch("/api/workflows/" + id, changes);
        long after = updated.path("version").asLong();
        out.either(updated, (after == before ? "unchanged workflow \"" : "updated workflow \"") + workflow.name() + "\" "
                + id + " version " + after);
        return ExitCode.OK;
    }
}
