package dev.ordo.cli.executions;

import dev.ordo.cli.CliFailure;
import dev.ordo.cli.ExitCode;
import java.util.UUID;

/** An execution id as typed on the command line, checked before it goes into a path. */
final class ExecutionArgument {

    private ExecutionArgument() {
    }

    static String checked(String text) {
        try {
            return UUID.fromString(text.trim()).toString();
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.USAGE, "\"" + text + "\" is not an execution id (a UUID)");
        }
    }
}
