package dev.ordo.cli.executions;

import dev.ordo.cli.ExitCode;
import dev.ordo.cli.Output;
import java.util.Map;
import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;

/** {@code ordo status EXECUTION}: the execution and each step's status, from the timeline route. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show an execution's status and its steps.")
public final class StatusCommand extends ExecutionCommand {

    @Override
    public Integer call() {
        Output out = out();
        JsonNode timeline = api().get("/api/workflows/executions/" + executionId() + "/timeline", Map.of());
        if (out.json()) {
            out.json(timeline);
            return ExitCode.OK;
        }
        out.line("execution " + Output.text(timeline, "execution_id") + "  " + Output.text(timeline, "status")
                + "  workflow " + Output.text(timeline, "workflow_id"));
        out.line("  started " + Output.text(timeline, "started_at") + "  completed " + Output.text(timeline, "completed_at")
                + "  duration " + Output.text(timeline, "total_duration_seconds") + " s");
        if (timeline.path("error_message").isString()) {
            out.line("  error: " + timeline.path("error_message").asString());
        }
        for (JsonNode step : timeline.path("step_timeline")) {
            String retries = step.path("retry_count").asInt() > 0 ? "  retries " + step.path("retry_count").asInt() : "";
            String error = step.path("error_message").isString() ? "  " + step.path("error_message").asString() : "";
            out.line(String.format("  %-24s %-10s %s%s", Output.text(step, "step_name"), Output.text(step, "status"),
                    step.path("duration_seconds").isNumber() ? String.format("%.3f s", step.path("duration_seconds").asDouble()) : "",
                    retries + error).stripTrailing());
        }
        return ExitCode.OK;
    }
}
