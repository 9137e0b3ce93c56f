package dev.ordo.cli.executions;

import dev.ordo.cli.Connection;
import dev.ordo.cli.ExitCode;
import dev.ordo.cli.Output;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code ordo events EXECUTION}: the recorded event history, every page of it, in sequence order. */
@Command(name = "events", mixinStandardHelpOptions = true, description = "List an execution's recorded events.")
public final class EventsCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Parameters(paramLabel = "EXECUTION", description = "the execution's id")
    String execution;

    @Option(names = "--after", paramLabel = "SEQUENCE", defaultValue = "0", description = "only events after this sequence")
    long after;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Output out = new Output(spec.commandLine().getOut(), connection.json());
        String id = ExecutionArgument.checked(execution);
        long cursor = after;
        while (true) {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("after_sequence", cursor);
            query.put("limit", 1000);
            JsonNode page = connection.api().get("/api/workflows/executions/" + id + "/events", query);
            for (JsonNode event : page.path("items")) {
                cursor = event.path("sequence").asLong();
                if (out.json()) {
                    out.json(event);
                } else {
                    String step = event.path("data").path("step_name").asString("");
                    out.line(String.format("#%-4d %s  %-22s %s", cursor, Output.text(event, "occurred_at"),
                            Output.text(event, "type"), step).stripTrailing());
                }
            }
            if (!page.path("has_more").asBoolean(false) || page.path("items").isEmpty()) {
                return ExitCode.OK;
            }
        }
    }
}
