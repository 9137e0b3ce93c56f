package dev.ordo.cli.operations;

import dev.ordo.cli.Api;
import dev.ordo.cli.ExitCode;
import dev.ordo.cli.Ids;
import dev.ordo.cli.OrdoCommand;
import dev.ordo.cli.Output;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code ordo keys create|list|revoke}: workspace API keys, over the admin routes
 * ({@code /api/admin/api-keys}) with the admin token from {@code ORDO_ADMIN_TOKEN}. Without a token
 * the API answers 401 or 403 whenever authentication or an admin token is configured.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Issue, list and revoke workspace API keys (admin).",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
public final class KeysCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The admin side of the API: no workspace, the admin token as a Bearer credential. */
    abstract static class AdminCall implements Callable<Integer> {

        @Option(names = "--api", paramLabel = "URL", defaultValue = "${env:ORDO_API:-http://localhost:8000}",
                description = "the API's address (default: ${DEFAULT-VALUE}; env ORDO_API)")
        URI api;

        @Option(names = "--json", description = "print the API's JSON answers")
        boolean json;

        @Spec
        CommandSpec spec;

        Api admin() {
            return new Api(api, null, null);
        }

        /** The admin token as a header, when one is set; without one the API decides (open only with auth off). */
        Map<String, String> token() {
            String token = OrdoCommand.environment().get("ORDO_ADMIN_TOKEN");
            return token == null || token.isBlank() ? Map.of() : Map.of("Authorization", "Bearer " + token);
        }

        Output out() {
            return new Output(spec.commandLine().getOut(), json);
        }

        static Map<String, Object> workspace(String workspace) {
            Map<String, Object> named = new LinkedHashMap<>();
            if (workspace != null) {
                named.put(Ids.isUuid(workspace) ? "workspace_id" : "workspace_slug", workspace);
            }
            return named;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Issue a key; it is printed once, never again.")
    static final class Create extends AdminCall {

        @Option(names = {"-w", "--workspace"}, required = true, paramLabel = "ID|SLUG", description = "the key's workspace")
        String workspace;

        @Option(names = "--name", required = true, description = "who or what holds the key, e.g. \"ci pipeline\"")
        String name;

        @Override
        public Integer call() {
            Map<String, Object> body = workspace(workspace);
            body.put("name", name);
            JsonNode issued = admin().post("/api/admin/api-keys", body, token());
            out().either(issued, "key " + Output.text(issued, "id") + " for workspace " + Output.text(issued, "workspace_id")
                    + " (shown once; export it as ORDO_API_KEY):\n" + Output.text(issued, "key"));
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys, revoked ones included; never their secrets.")
    static final class ListKeys extends AdminCall {

        @Option(names = {"-w", "--workspace"}, paramLabel = "ID|SLUG", description = "only this workspace's keys")
        String workspace;

        @Override
        public Integer call() {
            JsonNode keys = admin().get("/api/admin/api-keys", workspace(workspace), token());
            Output out = out();
            if (out.json()) {
                out.json(keys);
                return ExitCode.OK;
            }
            for (JsonNode key : keys) {
                out.line(String.format("%s  %s  %-24s created %s%s", Output.text(key, "id"), Output.text(key, "workspace_id"),
                        Output.text(key, "name"), Output.text(key, "created_at"),
                        key.path("revoked_at").isString() ? "  revoked " + key.path("revoked_at").asString() : ""));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key; refused everywhere within a second.")
    static final class Revoke extends AdminCall {

        @Parameters(paramLabel = "KEY_ID", description = "the key's id (from create or list)")
        UUID keyId;

        @Override
        public Integer call() {
            JsonNode revoked = admin().delete("/api/admin/api-keys/" + keyId, token());
            out().either(revoked, "revoked key " + keyId);
            return ExitCode.OK;
        }
    }
}
