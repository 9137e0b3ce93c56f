package dev.ordo.cli.executions;

import dev.ordo.cli.ExitCode;
import dev.ordo.cli.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ordo events EXECUTION}: the recorded event history, every page of it, in sequence order. */
@Command(name = "events", mixinStandardHelpOptions = true, description = "List an execution's recorded events.")
public final class EventsCommand extends ExecutionCommand {

    @Option(names = "--after", paramLabel = "SEQUENCE", defaultValue = "0", description = "only events after this sequence")
    long after;

    @Override
    public Integer call() {
        Output out = out();
        EventHistory.forEachAfter(api(), executionId(), after, event -> {
            if (out.json()) {
                out.json(event);
            } else {
                out.line(String.format("#%-4d %s  %-22s %s", event.path("sequence").asLong(), Output.text(event, "occurred_at"),
                        Output.text(event, "type"), event.path("data").path("step_name").asString("")).stripTrailing());
            }
        });
        return ExitCode.OK;
    }
}
