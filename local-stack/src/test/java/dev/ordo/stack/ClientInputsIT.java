package dev.ordo.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inputs any client can send that once stopped executions for everyone: each ends its own
 * execution, or is refused at the door, with a clear reason, while the engine, the projection and
 * the workers stay healthy and other executions complete.
 */
class ClientInputsIT {

    private static final int KIB = 1024;

    private static ApiClient api;
    private static HttpServer upstream;

    @BeforeAll
    static void startTheSystemAndAnUpstreamService() throws IOException {
        api = new ApiClient(RunningStack.services().apiPort());
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/nul", exchange -> answer(exchange, "{\"na\\u0000me\": \"a\\u0000b\", \"ok\": true}"));
        upstream.createContext("/huge", exchange -> answer(exchange, "{\"blob\": \"" + "x".repeat(3 * KIB * KIB) + "\"}"));
        upstream.start();
    }

    @AfterAll
    static void stopTheUpstreamService() {
        upstream.stop(0);
    }

    @Test
    void a_300_kib_input_on_a_three_step_chain_completes_and_others_complete_beside_it() {
        String workflow = create(chain("large input", 3));
        String payload = "y".repeat(300 * KIB);

        String large = execute(workflow, "{\"input\": {\"payload\": \"" + payload + "\"}}");
        List<String> others = executeSeveral(workflow, 5);

        Map<String, Object> done = awaitFinished(large);
        assertThat(done.get("status")).as("%s", done.get("error_message")).isEqualTo("completed");
        others.forEach(other -> assertThat(awaitFinished(other).get("status")).isEqualTo("completed"));
        assertEveryServiceIsHealthy();
    }

    @Test
    void a_ten_thousand_step_chain_is_refused_at_create_with_a_reason() {
        ApiClient.Response refused = api.post("/api/workflows/", chain("very long chain", 10_000));

        assertThat(refused.status()).isBetween(400, 499);
        assertThat(String.valueOf(refused.body().get("detail"))).containsIgnoringCase("step");
        assertEveryServiceIsHealthy();
    }

    @Test
    void a_nul_in_a_step_output_is_stored_by_the_documented_rule_and_blocks_nothing() {
        String workflow = create(httpThenDefault("nul output", "/nul"));

        String withNul = execute(workflow, "{}");
        List<String> others = executeSeveral(create(chain("beside nul", 2)), 5);

        Map<String, Object> done = awaitFinished(withNul);
        assertThat(done.get("status")).as("%s", done.get("error_message")).isEqualTo("completed");
        assertThat(String.valueOf(done.get("results"))).doesNotContain("\u0000").contains("a\uFFFDb");
        others.forEach(other -> assertThat(awaitFinished(other).get("status")).isEqualTo("completed"));
        assertEveryServiceIsHealthy();
    }

    @Test
    void a_3_mib_step_output_fails_that_step_at_once_with_a_reason_and_blocks_nothing() {
        String workflow = create(httpThenDefault("huge output", "/huge"));

        String huge = execute(workflow, "{}");
        List<String> others = executeSeveral(create(chain("beside huge", 2)), 10);

        Map<String, Object> done = awaitFinished(huge);
        assertThat(done.get("status")).isEqualTo("failed");
        assertThat(String.valueOf(done.get("error_message"))).contains("bytes");
        others.forEach(other -> assertThat(awaitFinished(other).get("status")).isEqualTo("completed"));
        assertEveryServiceIsHealthy();
    }

    @Test
    void an_input_over_the_limit_is_refused_with_413() {
        String workflow = create(chain("too large input", 1));
        String payload = "z".repeat(600 * KIB);

        ApiClient.Response refused = api.post("/api/workflows/" + workflow + "/execute",
                "{\"input_variables\": {\"input\": \"" + payload + "\"}}");

        assertThat(refused.status()).isEqualTo(413);
        assertThat(String.valueOf(refused.body().get("detail"))).contains("bytes");
    }

    // --- the domain's words -------------------------------------------------------------------

    private static String chain(String name, int length) {
        List<String> steps = new ArrayList<>(length);
        for (int i = 1; i <= length; i++) {
            String dependsOn = i == 1 ? "" : "\"s" + (i - 1) + "\"";
            steps.add("{\"name\": \"s" + i + "\", \"step_type\": \"task\", \"step_order\": " + i
                    + ", \"depends_on_steps\": [" + dependsOn + "], \"config\": {\"processing_type\": \"default\"}}");
        }
        return "{\"name\": \"" + name + " " + UUID.randomUUID() + "\", \"timeout_seconds\": 120, \"max_retries\": 0, "
                + "\"steps\": [" + String.join(",", steps) + "]}";
    }

    private static String httpThenDefault(String name, String path) {
        String url = "http://127.0.0.1:" + upstream.getAddress().getPort() + path;
        return "{\"name\": \"" + name + " " + UUID.randomUUID() + "\", \"timeout_seconds\": 3600, \"max_retries\": 0, "
                + "\"steps\": [{\"name\": \"call\", \"step_type\": \"task\", \"step_order\": 1, \"config\": "
                + "{\"processing_type\": \"http\", \"url\": \"" + url + "\"}}, "
                + "{\"name\": \"after\", \"step_type\": \"task\", \"step_order\": 2, \"depends_on_steps\": [\"call\"], "
                + "\"config\": {\"processing_type\": \"default\"}}]}";
    }

    private static String create(String workflowJson) {
        ApiClient.Response created = api.post("/api/workflows/", workflowJson);
        assertThat(created.status()).as("create: %s", created.body()).isEqualTo(201);
        return (String) created.body().get("id");
    }

    private static String execute(String workflowId, String inputs) {
        ApiClient.Response submitted = api.post("/api/workflows/" + workflowId + "/execute",
                "{\"input_variables\": " + inputs + "}");
        assertThat(submitted.status()).as("execute: %s", submitted.body()).isEqualTo(202);
        return (String) submitted.body().get("execution_id");
    }

    private static List<String> executeSeveral(String workflowId, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(execute(workflowId, "{\"n\": " + i + "}"));
        }
        return ids;
    }

    private static Map<String, Object> awaitFinished(String executionId) {
        String path = "/api/workflows/executions/" + executionId + "/status";
        List<String> finished = List.of("completed", "failed", "cancelled", "timeout");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get(path).body().get("status"), finished::contains);
        return api.get(path).body();
    }

    private static void assertEveryServiceIsHealthy() {
        StackServices services = RunningStack.services();
        for (int port : new int[] {services.apiPort(), services.workerPort(), services.projectionPort()}) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(health(port)).as("health on port %d", port).contains("\"status\":\"UP\""));
        }
    }

    private static String health(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
