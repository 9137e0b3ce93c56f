package dev.ordo.worker.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.ordo.contract.execution.StepTask;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The http handler against a real HTTP server on loopback. */
class HttpCallHandlerTest {

    private final HttpCallHandler handler = new HttpCallHandler(Clock.systemUTC());
    private final AtomicReference<String> receivedBody = new AtomicReference<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/json", exchange -> answer(exchange, 200, "application/json", "{\"ok\":true,\"n\":3}"));
        server.createContext("/echo", exchange -> {
            receivedBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, 201, "text/plain", "stored");
        });
        server.createContext("/busy", exchange -> answer(exchange, 503, "text/plain", "try later"));
        server.createContext("/missing", exchange -> answer(exchange, 404, "text/plain", "no such thing"));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void a_get_of_a_json_resource_succeeds_with_its_parsed_body() {
        StepOutcome outcome = handler.handle(task(Map.of("url", url("/json"))));

        assertThat(outcome).isEqualTo(StepOutcome.succeeded(Map.of("status_code", 200,
                "content_type", "application/json", "body", Map.of("ok", true, "n", 3))));
    }

    @Test
    void a_post_without_a_body_sends_the_step_input_as_json() {
        StepOutcome outcome = handler.handle(task(Map.of("url", url("/echo"), "method", "post")));

        assertThat(outcome).isInstanceOf(StepOutcome.Succeeded.class);
        assertThat(receivedBody.get()).isEqualTo("{\"order\":7}");
    }

    @Test
    void a_server_error_fails_the_attempt_retryably() {
        StepOutcome outcome = handler.handle(task(Map.of("url", url("/busy"))));

        assertThat(outcome).isInstanceOf(StepOutcome.Failed.class);
        assertThat(((StepOutcome.Failed) outcome).retryable()).isTrue();
        assertThat(((StepOutcome.Failed) outcome).error()).endsWith("answered 503");
    }

    @Test
    void a_client_error_fails_the_step_terminally() {
        StepOutcome outcome = handler.handle(task(Map.of("url", url("/missing"))));

        assertThat(outcome).isEqualTo(new StepOutcome.Failed("HTTP GET " + url("/missing") + " answered 404", false));
    }

    @Test
    void an_unreachable_server_fails_the_attempt_retryably() {
        String unreachable = url("/json");
        server.stop(0);

        StepOutcome outcome = handler.handle(task(Map.of("url", unreachable)));

        assertThat(outcome).isInstanceOf(StepOutcome.Failed.class);
        assertThat(((StepOutcome.Failed) outcome).retryable()).isTrue();
    }

    @Test
    void a_missing_url_fails_terminally() {
        StepOutcome outcome = handler.handle(task(Map.of("method", "GET")));

        assertThat(outcome).isEqualTo(StepOutcome.failedTerminally("Invalid http request: config.url is missing"));
    }

    private String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    private static StepTask task(Map<String, Object> config) {
        return new StepTask(UUID.randomUUID(), "call", "task", 1, config, Map.of("order", 7),
                Instant.now().plusSeconds(10));
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
