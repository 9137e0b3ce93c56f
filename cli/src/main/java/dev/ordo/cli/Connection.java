package dev.ordo.cli;

import java.net.URI;
import picocli.CommandLine.Option;

/**
 * Where and as whom every command talks: {@code --api} (or {@code ORDO_API}), {@code --workspace}
 * (or {@code ORDO_WORKSPACE}), and the API key from {@code ORDO_API_KEY} only, so that it never
 * shows in a process list or a shell history.
 */
public final class Connection {

    @Option(names = "--api", paramLabel = "URL", defaultValue = "${env:ORDO_API:-http://localhost:8000}",
            description = "the API's address (default: ${DEFAULT-VALUE}; env ORDO_API)")
    URI api;

    @Option(names = {"-w", "--workspace"}, paramLabel = "ID|SLUG", defaultValue = "${env:ORDO_WORKSPACE}",
            description = "the workspace, by id or slug (env ORDO_WORKSPACE; default: the API's default workspace)")
    String workspace;

    @Option(names = "--json", description = "print the API's JSON answers instead of text")
    boolean json;

    private Api client;

    /** The client, made on first use with the options as parsed and the key from the environment. */
    public Api api() {
        if (client == null) {
            client = new Api(api, workspace, OrdoCommand.environment().get("ORDO_API_KEY"));
        }
        return client;
    }

    public boolean json() {
        return json;
    }
}
