package dev.ordo.cli.executions;

import dev.ordo.cli.ExitCode;
import dev.ordo.cli.Output;
import tools.jackson.databind.JsonNode;

/** How a watched execution's end is shown and what the command exits with. */
final class Finish {

    private Finish() {
    }

    static int report(Output out, JsonNode status) {
        String state = status.path("status").asString();
        if (out.json()) {
            out.json(status);
        } else {
            StringBuilder line = new StringBuilder("execution " + status.path("execution_id").asString() + " " + state);
            if (!status.path("duration").isMissingNode() && !status.path("duration").isNull()) {
                line.append(String.format(" in %.3f s", status.path("duration").asDouble()));
            }
            if (status.path("error_message").isString()) {
                line.append(": ").append(status.path("error_message").asString());
            }
            out.line(line.toString());
        }
        return "completed".equals(state) ? ExitCode.OK : ExitCode.EXECUTION_DID_NOT_COMPLETE;
    }

    /** Follows {@code executionId} when asked to, else just says it was accepted. */
    static int acceptedOrWatched(Output out, JsonNode accepted, ExecutionWatch watcher, boolean watch) {
        String executionId = watcher.executionId();
        if (!watch) {
            out.either(accepted, Output.text(accepted, "status") + " execution " + executionId);
            return ExitCode.OK;
        }
        if (!out.json()) {
            out.line(Output.text(accepted, "status") + " execution " + executionId + "; following it live");
        }
        return report(out, watcher.untilFinished());
    }
}
