package dev.ordo.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code http_request} and {@code data_transformation} end to end: a call that answers 500 once is
 * retried with a new idempotency key and succeeds, and the next step computes from its response. A
 * call redirected to the cloud metadata address fails its step at once, not retried, saying why
 * (the stack allows loopback, where this test's server listens, and nothing else private).
 */
class HttpStepsIT {

    private static ApiClient api;
    private static HttpServer server;
    private static final List<String> KEYS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger REDIRECTED = new AtomicInteger();

    @BeforeAll
    static void startTheSystemAndAServer() throws IOException {
        api = new ApiClient(RunningStack.services().apiPort());
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/orders", HttpStepsIT::failOnceThenAnswer);
        server.createContext("/metadata", exchange -> {
            REDIRECTED.incrementAndGet();
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/iam/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopTheServer() {
        server.stop(0);
    }

    @Test
    void an_http_step_that_answers_500_once_is_retried_and_its_response_feeds_a_transformation() {
        String url = "http://localhost:" + server.getAddress().getPort() + "/orders";
        String workflow = "{\"name\": \"http retry " + UUID.randomUUID() + "\", \"timeout_seconds\": 60,"
                + " \"max_retries\": 1, \"config\": {\"retry_policy\": {\"initial_delay_ms\": 200, \"jitter\": 0}},"
                + " \"steps\": ["
                + "{\"name\": \"call\", \"step_type\": \"task\", \"step_order\": 1, \"config\":"
                + " {\"processing_type\": \"http_request\", \"method\": \"GET\", \"url\": \"" + url + "\","
                + " \"timeout_ms\": 5000}},"
                + "{\"name\": \"shape\", \"step_type\": \"task\", \"step_order\": 2, \"depends_on_steps\": [\"call\"],"
                + " \"config\": {\"processing_type\": \"data_transformation\","
                + " \"inputs\": {\"order\": \"${steps.call.output.body}\"},"
                + " \"mapping\": {\"doubled\": \"order.amount * 2\", \"id\": \"order.id\"}}}]}";

        ApiClient.Response created = api.post("/api/workflows/", workflow);
        assertThat(created.status()).as("create: %s", created.body()).isEqualTo(201);
        ApiClient.Response submitted = api.post("/api/workflows/" + created.body().get("id") + "/execute", "{}");
        assertThat(submitted.status()).as("execute: %s", submitted.body()).isEqualTo(202);
        String path = "/api/workflows/executions/" + submitted.body().get("execution_id") + "/status";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get(path).body().get("status"), status -> "completed".equals(status)
                        || "failed".equals(status));

        Map<String, Object> done = api.get(path).body();
        assertThat(done.get("status")).as("%s", done).isEqualTo("completed");
        assertThat(outputs(done).get("shape")).isEqualTo(Map.of("doubled", 84, "id", "o-1"));
        assertThat(KEYS).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void an_http_step_redirected_to_the_cloud_metadata_address_fails_at_once_saying_why() {
        String url = "http://localhost:" + server.getAddress().getPort() + "/metadata";
        String workflow = "{\"name\": \"http ssrf " + UUID.randomUUID() + "\", \"timeout_seconds\": 60,"
                + " \"max_retries\": 2, \"config\": {\"retry_policy\": {\"initial_delay_ms\": 100, \"jitter\": 0}},"
                + " \"steps\": [{\"name\": \"call\", \"step_type\": \"task\", \"step_order\": 1, \"config\":"
                + " {\"processing_type\": \"http_request\", \"url\": \"" + url + "\", \"timeout_ms\": 5000}}]}";

        ApiClient.Response created = api.post("/api/workflows/", workflow);
        assertThat(created.status()).as("create: %s", created.body()).isEqualTo(201);
        ApiClient.Response submitted = api.post("/api/workflows/" + created.body().get("id") + "/execute", "{}");
        assertThat(submitted.status()).as("execute: %s", submitted.body()).isEqualTo(202);
        String path = "/api/workflows/executions/" + submitted.body().get("execution_id") + "/status";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get(path).body().get("status"), status -> "completed".equals(status)
                        || "failed".equals(status));

        Map<String, Object> done = api.get(path).body();
        assertThat(done.get("status")).as("%s", done).isEqualTo("failed");
        assertThat(String.valueOf(done)).contains("169.254.169.254 is a cloud metadata address");
        assertThat(REDIRECTED).as("calls of the redirecting server: the step was not retried").hasValue(1);
    }

    private static void failOnceThenAnswer(HttpExchange exchange) throws IOException {
        KEYS.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
        boolean first = KEYS.size() == 1;
        byte[] body = (first ? "{\"error\":\"boom\"}" : "{\"id\":\"o-1\",\"amount\":42}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(first ? 500 : 200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> outputs(Map<String, Object> status) {
        return (Map<String, Object>) ((Map<String, Object>) status.get("results")).get("step_outputs");
    }
}
