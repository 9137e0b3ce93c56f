package dev.ordo.cli.executions;

import dev.ordo.cli.Api;
import dev.ordo.cli.Connection;
import dev.ordo.cli.Output;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** A command about one execution: its id as the first argument, the connection options, the output. */
abstract class ExecutionCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Parameters(index = "0", paramLabel = "EXECUTION", description = "the execution's id")
    String execution;

    @Spec
    CommandSpec spec;

    /** The execution's id, checked to be a UUID before it goes into a path. */
    String executionId() {
        return ExecutionArgument.checked(execution);
    }

    Api api() {
        return connection.api();
    }

    Output out() {
        return new Output(spec.commandLine().getOut(), connection.json());
    }
}
