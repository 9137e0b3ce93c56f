package dev.ordo.cli;

/** A failure the user should read, with the exit code it ends the command with; never a stack trace. */
public class CliFailure extends RuntimeException {

    private final int exitCode;

    public CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
