package dev.ordo.worker.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ordo.contract.execution.StepTask;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code http_request} against a real HTTP server on loopback, started by the test. */
class HttpRequestHandlerTest {

    private static final UUID EXECUTION = UUID.fromString("6f1d0c1e-7a53-4c47-9a53-1b0f3d8f4a10");

    private final HttpRequestHandler handler = new HttpRequestHandler(Clock.systemUTC(),
            OutboundAddressPolicy.of(false, "127.0.0.0/8, ::1/128"));
    private final StepHandlers registry = new StepHandlers(List.of(handler), List.of());
    private final AtomicReference<String> receivedBody = new AtomicReference<>();
    private final List<String> receivedKeys = new CopyOnWriteArrayList<>();
    private final AtomicInteger flakyCalls = new AtomicInteger();
    private final AtomicInteger redirectCalls = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService serverThreads = Executors.newCachedThreadPool();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(serverThreads);
        server.createContext("/json", exchange -> {
            receivedKeys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            exchange.getResponseHeaders().add("X-Request-Id", "r-1");
            answer(exchange, 200, "application/json", "{\"ok\":true,\"n\":3}");
        });
        server.createContext("/echo", exchange -> {
            receivedBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, 201, "text/plain", "stored");
        });
        server.createContext("/fails-once", exchange -> {
            if (flakyCalls.incrementAndGet() == 1) {
                answer(exchange, 500, "text/plain", "boom");
            } else {
                answer(exchange, 200, "application/json", "{\"second\":true}");
            }
        });
        server.createContext("/busy", exchange -> answer(exchange, 503, "text/plain", "try later"));
        server.createContext("/throttled", exchange -> answer(exchange, 429, "text/plain", "slow down"));
        server.createContext("/missing", exchange -> answer(exchange, 404, "text/plain", "no such thing"));
        server.createContext("/huge", exchange -> answer(exchange, 200, "text/plain",
                "x".repeat(HttpRequestHandler.MAX_BODY_BYTES + 1)));
        server.createContext("/moved", exchange -> redirect(exchange, 302, url("/json")));
        server.createContext("/to-metadata", exchange -> {
            redirectCalls.incrementAndGet();
            redirect(exchange, 302, "http://169.254.169.254/latest/meta-data/");
        });
        server.createContext("/loop", exchange -> redirect(exchange, 307, url("/loop")));
        server.createContext("/stalls", exchange -> {
            awaitRelease();
            answer(exchange, 200, "text/plain", "too late");
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void a_get_of_a_json_resource_succeeds_with_status_headers_and_parsed_body() {
        StepOutcome outcome = handler.handle(task(1, Map.of("url", url("/json"))), context());

        assertThat(outcome).isInstanceOf(StepOutcome.Succeeded.class);
        Map<String, Object> output = ((StepOutcome.Succeeded) outcome).output();
        assertThat(output).containsEntry("status_code", 200).containsEntry("content_type", "application/json")
                .containsEntry("body", Map.of("ok", true, "n", 3));
        assertThat(output.get("headers")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("x-request-id", "r-1").containsEntry("content-type", "application/json");
    }

    @Test
    void a_post_without_a_body_sends_the_step_input_as_json() {
        StepOutcome outcome = handler.handle(task(1, Map.of("url", url("/echo"), "method", "post")), context());

        assertThat(outcome).isInstanceOf(StepOutcome.Succeeded.class);
        assertThat(((StepOutcome.Succeeded) outcome).output()).containsEntry("body", "stored");
        assertThat(receivedBody.get()).isEqualTo("{\"order\":7}");
    }

    @Test
    void a_post_with_a_body_sends_the_body() {
        handler.handle(task(1, Map.of("url", url("/echo"), "method", "PUT", "body", Map.of("total", 12))), context());

        assertThat(receivedBody.get()).isEqualTo("{\"total\":12}");
    }

    @Test
    void a_server_error_fails_the_attempt_retryably_and_the_next_attempt_succeeds() {
        StepOutcome first = handler.handle(task(1, Map.of("url", url("/fails-once"))), context());
        StepOutcome second = handler.handle(task(2, Map.of("url", url("/fails-once"))), context());

        assertThat(first).isEqualTo(new StepOutcome.Failed("HTTP GET " + url("/fails-once") + " answered 500", true));
        assertThat(second).isInstanceOf(StepOutcome.Succeeded.class);
        assertThat(((StepOutcome.Succeeded) second).output()).containsEntry("body", Map.of("second", true));
    }

    @Test
    void unavailable_and_throttled_answers_are_retryable() {
        assertThat(handler.handle(task(1, Map.of("url", url("/busy"))), context()))
                .isEqualTo(new StepOutcome.Failed("HTTP GET " + url("/busy") + " answered 503", true));
        assertThat(handler.handle(task(1, Map.of("url", url("/throttled"))), context()))
                .isEqualTo(new StepOutcome.Failed("HTTP GET " + url("/throttled") + " answered 429", true));
    }

    @Test
    void a_client_error_fails_the_step_terminally() {
        StepOutcome outcome = handler.handle(task(1, Map.of("url", url("/missing"))), context());

        assertThat(outcome).isEqualTo(new StepOutcome.Failed("HTTP GET " + url("/missing") + " answered 404", false));
    }

    @Test
    void a_server_that_does_not_answer_in_time_fails_the_attempt_retryably() {
        StepOutcome outcome = handler.handle(task(1, Map.of("url", url("/stalls"), "timeout_ms", 300)), context());

        assertThat(outcome).isEqualTo(new StepOutcome.Failed("HTTP GET " + url("/stalls") + " timed out after 300 ms",
                true));
    }

    @Test
    void the_timeout_never_outlasts_the_attempt_deadline() {
        StepTask task = new StepTask(EXECUTION, "call", "task", 1, Map.of("url", url("/stalls"), "timeout_ms", 60_000),
                Map.of(), Instant.now().plusMillis(400));

        StepOutcome outcome = handler.handle(task, HandlerContext.of(task));

        assertThat(outcome).isInstanceOf(StepOutcome.Failed.class);
        assertThat(((StepOutcome.Failed) outcome).retryable()).isTrue();
        assertThat(((StepOutcome.Failed) outcome).error()).contains("timed out after");
    }

    @Test
    void an_unreachable_server_fails_the_attempt_retryably() {
        String unreachable = url("/json");
        server.stop(0);

        StepOutcome outcome = handler.handle(task(1, Map.of("url", unreachable)), context());

        assertThat(outcome).isInstanceOf(StepOutcome.Failed.class);
        assertThat(((StepOutcome.Failed) outcome).retryable()).isTrue();
    }

    @Test
    void a_body_larger_than_a_step_output_may_hold_fails_terminally_saying_so() {
        StepOutcome outcome = handler.handle(task(1, Map.of("url", url("/huge"))), context());

        assertThat(outcome).isEqualTo(StepOutcome.failedTerminally("HTTP GET " + url("/huge") + " answered 200 with a"
                + " body of more than " + HttpRequestHandler.MAX_BODY_BYTES + " bytes, more than a step output may"
                + " hold; it was not read"));
    }

    @Test
    void the_idempotency_key_is_the_same_for_every_delivery_of_an_attempt_and_differs_between_attempts() {
        handler.handle(task(1, Map.of("url", url("/json"))), context());
        handler.handle(task(1, Map.of("url", url("/json"))), context());
        handler.handle(task(2, Map.of("url", url("/json"))), context());

        assertThat(receivedKeys).hasSize(3).doesNotContainNull();
        assertThat(receivedKeys.get(0)).isEqualTo(receivedKeys.get(1));
        assertThat(receivedKeys.get(2)).isNotEqualTo(receivedKeys.get(0));
        assertThat(receivedKeys.get(0)).isEqualTo(HttpRequestHandler.idempotencyKey(task(1, Map.of())));
    }

    @Test
    void an_idempotency_key_in_the_configured_headers_wins() {
        handler.handle(task(1, Map.of("url", url("/json"), "headers", Map.of("idempotency-key", "mine"))), context());

        assertThat(receivedKeys).containsExactly("mine");
    }

    @Test
    void through_the_registry_http_is_an_alias_and_a_missing_url_fails_terminally_without_a_call() {
        assertThat(registry.processingTypes()).containsExactly("http", "http_request");
        assertThat(registry.run(task(1, Map.of("processing_type", "http", "url", url("/json")))))
                .isInstanceOf(StepOutcome.Succeeded.class);
        assertThat(registry.run(task(1, Map.of("processing_type", "http_request", "method", "GET"))))
                .isEqualTo(StepOutcome.failedTerminally("Invalid config for processing_type 'http_request':"
                        + " config.url is required and must be a string"));
    }

    @Test
    void a_redirect_to_an_allowed_address_is_followed() {
        StepOutcome outcome = handler.handle(task(1, Map.of("url", url("/moved"))), context());

        assertThat(outcome).isInstanceOf(StepOutcome.Succeeded.class);
        assertThat(((StepOutcome.Succeeded) outcome).output()).containsEntry("body", Map.of("ok", true, "n", 3));
    }

    @Test
    void a_redirect_to_the_cloud_metadata_address_fails_the_step_terminally_saying_why() {
        StepOutcome outcome = handler.handle(task(1, Map.of("url", url("/to-metadata"))), context());

        assertThat(outcome).isEqualTo(StepOutcome.failedTerminally("HTTP GET " + url("/to-metadata")
                + " (redirected to http://169.254.169.254/latest/meta-data/) refused: 169.254.169.254 is a cloud"
                + " metadata address; private and local destinations need ORDO_HTTP_ALLOWED_NETWORKS or"
                + " ORDO_HTTP_ALLOW_PRIVATE"));
        assertThat(redirectCalls).hasValue(1);
    }

    @Test
    void a_call_to_a_loopback_address_the_configuration_does_not_allow_is_refused_before_it_is_made() {
        HttpRequestHandler publicOnly = new HttpRequestHandler(Clock.systemUTC(), OutboundAddressPolicy.publicOnly());

        StepOutcome outcome = publicOnly.handle(task(1, Map.of("url", url("/json"))), context());

        assertThat(outcome).isInstanceOf(StepOutcome.Failed.class);
        assertThat(((StepOutcome.Failed) outcome).retryable()).isFalse();
        assertThat(((StepOutcome.Failed) outcome).error()).contains(" refused: ").contains("is a loopback address");
        assertThat(receivedKeys).isEmpty();
    }

    @Test
    void endless_redirects_fail_the_step_terminally() {
        StepOutcome outcome = handler.handle(task(1, Map.of("url", url("/loop"))), context());

        assertThat(outcome).isEqualTo(StepOutcome.failedTerminally("HTTP GET " + url("/loop") + " was redirected more"
                + " than " + HttpRequestHandler.MAX_REDIRECTS + " times"));
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange exchange, int status, String location)
            throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    private static StepTask task(int attempt, Map<String, Object> config) {
        return new StepTask(EXECUTION, "call", "task", attempt, config, Map.of("order", 7),
                Instant.now().plusSeconds(10));
    }

    private static HandlerContext context() {
        return HandlerContext.of(task(1, Map.of()));
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
