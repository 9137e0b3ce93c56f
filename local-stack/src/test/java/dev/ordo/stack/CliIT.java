package dev.ordo.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.cli.ExitCode;
import dev.ordo.cli.OrdoCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code ordo} command line against the running stack, as an operator types it. */
class CliIT {

    private static final Pattern EXECUTION_ID = Pattern.compile("execution ([0-9a-f-]{36})");

    private static ApiClient api;
    private static String apiAddress;
    private static String workspace;

    @TempDir
    Path files;

    @BeforeAll
    static void startTheStack() {
        int port = RunningStack.services().apiPort();
        api = new ApiClient(port);
        apiAddress = "http://localhost:" + port;
        workspace = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/workspaces", "{\"name\": \"CLI " + workspace + "\", \"slug\": \"" + workspace + "\"}")
                .status()).isEqualTo(201);
    }

    @Test
    void apply_creates_a_workflow_from_yaml_and_a_changed_file_makes_a_new_version() throws IOException {
        Path file = write("orders.yaml", """
                name: orders
                description: takes an order
                steps:
                  - name: receive
                    step_type: task
                    step_order: 1
                    config: {processing_type: default}
                variables:
                  - {name: order_id, data_type: string, is_required: true}
                """);

        Run created = ordo("apply", file.toString());
        Files.writeString(file, Files.readString(file) + "timeout_seconds: 120\n");
        Run updated = ordo("apply", file.toString());
        Run unchanged = ordo("apply", file.toString());

        assertThat(created.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(created.out()).contains("created workflow \"orders\"").contains("version 1");
        assertThat(updated.out()).contains("updated workflow \"orders\"").contains("version 2");
        assertThat(unchanged.out()).contains("unchanged workflow \"orders\"").contains("version 2");
    }

    @Test
    void run_with_watch_follows_the_execution_until_it_completes_and_exits_zero() throws IOException {
        ordo("apply", write("chain.json", """
                {"name": "chain", "steps": [
                  {"name": "first", "step_type": "task", "step_order": 1, "config": {"processing_type": "default"}},
                  {"name": "second", "step_type": "task", "step_order": 2, "depends_on_steps": ["first"],
                   "config": {"processing_type": "sleep", "millis": 300}}],
                 "variables": [{"name": "count", "data_type": "int", "is_required": true},
                               {"name": "zip", "data_type": "string", "is_required": true}]}
                """).toString());

        Run watched = ordo("run", "chain", "--input", "count=3", "--input", "zip=01234", "--watch");

        assertThat(watched.exitCode()).as(watched.toString()).isEqualTo(ExitCode.OK);
        assertThat(watched.out()).contains("following it live").contains("second").containsPattern("completed in [0-9.]+ s");
        Map<String, Object> detail = api.get("/api/workflows/executions/" + watched.executionId()
                + "?workspace_slug=" + workspace).body();
        assertThat(detail).containsEntry("status", "completed");
        assertThat(detail.get("input_variables")).isEqualTo(Map.of("count", 3, "zip", "01234"));

        Run status = ordo("status", watched.executionId());
        Run events = ordo("events", watched.executionId());
        assertThat(status.out()).contains("completed").contains("first").contains("second");
        assertThat(events.out()).contains("#1").contains("ExecutionStarted").contains("ExecutionCompleted");
    }

    @Test
    void a_failing_run_exits_non_zero_and_retry_with_watch_completes_it() throws IOException {
        ordo("apply", write("fragile.yaml", """
                name: fragile
                max_retries: 0
                steps:
                  - {name: charge, step_type: task, step_order: 1, max_retries: 0,
                     config: {processing_type: flaky, fail_times: 1, error: card declined}}
                """).toString());

        Run failed = ordo("run", "fragile", "--watch");
        Run retried = ordo("retry", failed.executionId(), "--watch");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCode.EXECUTION_DID_NOT_COMPLETE);
        assertThat(failed.out()).contains(" failed").contains("card declined");
        assertThat(retried.exitCode()).as(retried.toString()).isEqualTo(ExitCode.OK);
        assertThat(retried.out()).contains("retrying execution " + failed.executionId()).contains("completed");
    }

    @Test
    void refusals_print_the_apis_detail_and_exit_with_the_refused_code() {
        Run unknownWorkflow = ordo("run", "no-such-workflow");
        Run unknownExecution = ordo("cancel", UUID.randomUUID().toString());
        Run notAnId = ordo("status", "nonsense");

        assertThat(unknownWorkflow.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(unknownWorkflow.err()).contains("no workflow named \"no-such-workflow\"");
        assertThat(unknownExecution.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(unknownExecution.err()).contains("404");
        assertThat(notAnId.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void keys_are_issued_once_listed_without_their_secret_and_revoked() {
        Run created = ordo("keys", "create", "--workspace", workspace, "--name", "ci pipeline");
        Matcher id = Pattern.compile("key ([0-9a-f-]{36}) ").matcher(created.out());
        assertThat(id.find()).as(created.toString()).isTrue();
        String secret = created.out().lines().reduce((first, last) -> last).orElseThrow();

        Run listed = ordo("keys", "list", "--workspace", workspace);
        Run revoked = ordo("keys", "revoke", id.group(1));
        Run relisted = ordo("keys", "list", "--workspace", workspace);

        assertThat(secret).startsWith("ordo_");
        assertThat(listed.out()).contains(id.group(1)).contains("ci pipeline").doesNotContain(secret);
        assertThat(revoked.out()).contains("revoked key " + id.group(1));
        assertThat(relisted.out()).contains("revoked ");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(files.resolve(name), content);
    }

    /** Runs {@code ordo} in this JVM with this test's API and workspace, capturing what it prints. */
    private static Run ordo(String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        if ("keys".equals(arguments[0])) {
            all.addAll(List.of("--api", apiAddress));
        } else if (!"rebuild".equals(arguments[0])) {
            all.addAll(List.of("--api", apiAddress, "--workspace", workspace));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = OrdoCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(all.toArray(String[]::new));
        return new Run(exitCode, out.toString(), err.toString());
    }

    private record Run(int exitCode, String out, String err) {
        String executionId() {
            Matcher found = EXECUTION_ID.matcher(out);
            assertThat(found.find()).as("an execution id in: " + out + err).isTrue();
            return found.group(1);
        }
    }
}
