package dev.ordo.cli;

/** What {@code ordo} exits with; scripts branch on these. */
public final class ExitCode {

    /** The command did what it was asked; with {@code --watch}, the execution completed. */
    public static final int OK = 0;
    /** The watched execution ended failed, cancelled or timed out. */
    public static final int EXECUTION_DID_NOT_COMPLETE = 1;
    /** The command line itself was wrong (picocli's own usage code). */
    public static final int USAGE = 2;
    /** The API refused the request (4xx) or a file could not be read. */
    public static final int REFUSED = 3;
    /** The API could not be reached, or answered 5xx. */
    public static final int UNAVAILABLE = 4;

    private ExitCode() {
    }
}
