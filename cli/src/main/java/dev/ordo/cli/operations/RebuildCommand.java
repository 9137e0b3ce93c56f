package dev.ordo.cli.operations;

import dev.ordo.cli.Api;
import dev.ordo.cli.CliFailure;
import dev.ordo.cli.ExitCode;
import dev.ordo.cli.OrdoCommand;
import dev.ordo.cli.Output;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code ordo rebuild [--wait]}: rebuilds the read model from the event log on projection-service's
 * own port ({@code /admin/rebuild}; not the public API). The admin token, when the deployment has
 * one, comes from {@code ORDO_ADMIN_TOKEN}.
 */
@Command(name = "rebuild", mixinStandardHelpOptions = true, description = "Rebuild the read model from the event log (projection-service admin).")
public final class RebuildCommand implements Callable<Integer> {

    private static final Set<String> ENDED = Set.of("done", "failed", "idle");

    @Option(names = "--projection", paramLabel = "URL", defaultValue = "${env:ORDO_PROJECTION_API:-http://localhost:8002}",
            description = "projection-service's address (default: ${DEFAULT-VALUE}; env ORDO_PROJECTION_API)")
    URI projection;

    @Option(names = "--wait", description = "wait until the rebuild is done; exit 1 if it failed")
    boolean waitForIt;

    @Option(names = "--json", description = "print the projection's JSON answers")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Output out = new Output(spec.commandLine().getOut(), json);
        Api admin = new Api(projection, null, null);
        String token = OrdoCommand.environment().get("ORDO_ADMIN_TOKEN");
        Map<String, String> headers = token == null || token.isBlank() ? Map.of() : Map.of("Authorization", "Bearer " + token);
        JsonNode started = admin.post("/admin/rebuild", null, headers);
        out.either(started, "rebuild " + Output.text(started, "state"));
        if (!waitForIt) {
            return ExitCode.OK;
        }
        JsonNode status = started;
        while (!ENDED.contains(status.path("state").asString())) {
            pause();
            status = admin.get("/admin/rebuild", Map.of(), headers);
        }
        out.either(status, "rebuild " + Output.text(status, "state") + ": " + status.path("events_applied").asLong()
                + " events applied" + (status.path("error").isString() ? ", " + status.path("error").asString() : ""));
        return "done".equals(status.path("state").asString()) ? ExitCode.OK : ExitCode.EXECUTION_DID_NOT_COMPLETE;
    }

    private static void pause() {
        try {
            Thread.sleep(Duration.ofMillis(250).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.UNAVAILABLE, "interrupted while waiting for the rebuild");
        }
    }
}
