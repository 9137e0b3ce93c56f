package dev.ordo.infra;

import java.nio.file.Path;

/**
 * Entry point of a child JVM that starts PostgreSQL on the given data directory and port, reports
 * {@value #READY}, and halts without running shutdown hooks, the way a killed JVM would: the
 * postmaster is left running as an orphan.
 */
public final class AbandonedPostgresProcess {

    static final String READY = "POSTGRES-READY";

    private AbandonedPostgresProcess() {
    }

    public static void main(String[] args) {
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(Path.of(args[0]), Integer.parseInt(args[1]));
        server.start();
        System.out.println(READY);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
