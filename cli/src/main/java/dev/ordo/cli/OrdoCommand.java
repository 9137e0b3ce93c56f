package dev.ordo.cli;

import dev.ordo.cli.executions.CancelCommand;
import dev.ordo.cli.executions.EventsCommand;
import dev.ordo.cli.executions.RerunCommand;
import dev.ordo.cli.executions.RetryCommand;
import dev.ordo.cli.executions.RunCommand;
import dev.ordo.cli.executions.StatusCommand;
import dev.ordo.cli.operations.KeysCommand;
import dev.ordo.cli.operations.RebuildCommand;
import dev.ordo.cli.workflows.ApplyCommand;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ordo}: the command line over the public API. Exit codes are in {@link ExitCode}; a refusal
 * or an unreachable API prints one line on stderr, never a stack trace.
 */
@Command(name = "ordo", mixinStandardHelpOptions = true, versionProvider = OrdoCommand.Version.class,
        description = "Workflows on Kafka and PostgreSQL, from the command line.",
        subcommands = {ApplyCommand.class, RunCommand.class, StatusCommand.class, EventsCommand.class,
                RetryCommand.class, RerunCommand.class, CancelCommand.class, RebuildCommand.class,
                KeysCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Environment: ORDO_API, ORDO_WORKSPACE, ORDO_API_KEY (sent as X-API-Key),",
                "ORDO_PROJECTION_API, and ORDO_ADMIN_TOKEN (for keys and rebuild).",
                "Exit codes: 0 done (or completed), 1 the execution did not complete, 2 usage,",
                "3 refused by the API, 4 API unreachable or failing.", ""})
public final class OrdoCommand implements Runnable {

    private static volatile Map<String, String> environment = System.getenv();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line: what {@link #main} runs, and what tests run in-process. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new OrdoCommand());
        commandLine.setExecutionExceptionHandler((failure, cli, parsed) -> {
            if (failure instanceof CliFailure shown) {
                cli.getErr().println("ordo: " + shown.getMessage());
                cli.getErr().flush();
                return shown.exitCode();
            }
            throw failure;
        });
        return commandLine;
    }

    /** The process environment; tests replace it to pass an API key without touching the real one. */
    public static Map<String, String> environment() {
        return environment;
    }

    static void useEnvironment(Map<String, String> replacement) {
        environment = replacement;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = OrdoCommand.class.getPackage().getImplementationVersion();
            return new String[] {"ordo " + (version != null ? version : "(development build)")};
        }
    }
}
