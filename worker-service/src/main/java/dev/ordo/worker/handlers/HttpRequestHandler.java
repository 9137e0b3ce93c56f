package dev.ordo.worker.handlers;

import dev.ordo.contract.definition.HttpRequestConfig;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.contract.wire.RecordLimits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * {@code http_request} (alias {@code http}): one HTTP call. Config, references already resolved by
 * the engine ({@link HttpRequestConfig}): {@code url} (required), {@code method} (default GET),
 * {@code headers}, {@code body} (sent as JSON; without it POST, PUT and PATCH send the step's input),
 * {@code timeout_ms} (default 30 s), never past the attempt's deadline.
 *
 * <p>Every request carries an {@code Idempotency-Key} derived from the attempt
 * ({@link StepTask#idempotencyKey()}): the same for every delivery of one attempt, another for the
 * next attempt, so a server can drop a repeat; a key set in {@code headers} wins.
 *
 * <p>Output: {@code status_code}, {@code headers} (lower-case names; repeated values joined by ", "),
 * {@code body} (parsed when the response is JSON, else text, null when empty) and {@code content_type}.
 * A 2xx or 3xx succeeds; 408, 429 and 5xx fail retryably, like a connection error or a timeout; any
 * other 4xx fails terminally, as does a response body over {@link #MAX_BODY_BYTES} (read no further).
 *
 * <p>Redirects are followed here, at most {@value #MAX_REDIRECTS}, as the JDK client's
 * {@code NORMAL} policy would (never from https to http; 303, and 301/302 of a POST, go on as GET
 * without a body), so that the {@link OutboundGuard} checks the destination of the URL and of every
 * redirect before it is called. A refused destination fails the step terminally, saying why.
 * The whole call, redirects included, has the one timeout.
 */
@Component
class HttpRequestHandler implements StepHandler {

    /** A body this large cannot become a step output ({@link RecordLimits#MAX_STEP_OUTPUT_BYTES}); room for the rest. */
    static final int MAX_BODY_BYTES = RecordLimits.MAX_STEP_OUTPUT_BYTES + 64 * 1024;
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final int MAX_REDIRECTS = 5;
    private static final HttpRequestConfig RULES = new HttpRequestConfig();

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Clock clock;
    private final OutboundGuard guard;

    HttpRequestHandler(Clock clock, OutboundAddressPolicy addresses) {
        this.clock = clock;
        this.guard = new OutboundGuard(addresses);
    }

    @Override
    public String processingType() {
        return HttpRequestConfig.HTTP_REQUEST;
    }

    @Override
    public List<String> aliases() {
        return List.of(HttpRequestConfig.HTTP);
    }

    @Override
    public List<String> problems(Map<String, Object> config) {
        return RULES.problems(config);
    }

    @Override
    public StepOutcome handle(StepTask task, HandlerContext context) {
        Duration timeout = timeout(task.config(), context.deadline());
        HttpRequest request;
        try {
            request = request(task, timeout);
        } catch (IllegalArgumentException e) {
            return StepOutcome.failedTerminally("Invalid http request: " + e.getMessage());
        }
        String call = "HTTP " + request.method() + " " + request.uri();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int redirects = 0; ; redirects++) {
            Optional<OutboundGuard.Refusal> refusal = guard.check(request.uri());
            if (refusal.isPresent()) {
                return refused(call, request, refusal.get());
            }
            Exchange exchange = exchange(call, request, timeout, deadline);
            if (exchange.failure() != null) {
                return exchange.failure();
            }
            Optional<HttpRequest> next = Redirects.next(request, exchange.response());
            if (next.isEmpty()) {
                return HttpResponses.outcome(call, exchange.response());
            }
            if (redirects == MAX_REDIRECTS) {
                return StepOutcome.failedTerminally(call + " was redirected more than " + MAX_REDIRECTS + " times");
            }
            request = next.get();
        }
    }

    /** A response, or the outcome of a call that gave none. */
    private record Exchange(HttpResponse<CappedBody> response, StepOutcome failure) {
    }

    private Exchange exchange(String call, HttpRequest request, Duration timeout, long deadline) {
        CompletableFuture<HttpResponse<CappedBody>> response =
                client.sendAsync(request, info -> CappedBody.subscriber(MAX_BODY_BYTES));
        try {
            long left = Math.max(1, deadline - System.nanoTime());
            return new Exchange(response.get(left, TimeUnit.NANOSECONDS), null);
        } catch (TimeoutException e) {
            response.cancel(true);
            return new Exchange(null, timedOut(call, timeout));
        } catch (ExecutionException e) {
            return new Exchange(null, e.getCause() instanceof HttpTimeoutException ? timedOut(call, timeout)
                    : new StepOutcome.Failed(call + " failed: " + e.getCause(), true));
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            return new Exchange(null, new StepOutcome.Failed(call + " interrupted", true));
        }
    }

    private static StepOutcome refused(String call, HttpRequest request, OutboundGuard.Refusal refusal) {
        String where = call.endsWith(" " + request.uri()) ? "" : " (redirected to " + request.uri() + ")";
        if (refusal.retryable()) {
            return new StepOutcome.Failed(call + where + " failed: " + refusal.reason(), true);
        }
        return StepOutcome.failedTerminally(call + where + " refused: " + refusal.reason() + (refusal.byPolicy()
                ? "; private and local destinations need ORDO_HTTP_ALLOWED_NETWORKS or ORDO_HTTP_ALLOW_PRIVATE" : ""));
    }

    /** The idempotency key sent for an attempt: a name-based UUID of {@link StepTask#idempotencyKey()}. */
    static String idempotencyKey(StepTask task) {
        return UUID.nameUUIDFromBytes(task.idempotencyKey().getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static StepOutcome timedOut(String call, Duration timeout) {
        return new StepOutcome.Failed(call + " timed out after " + timeout.toMillis() + " ms", true);
    }

    private static HttpRequest request(StepTask task, Duration timeout) {
        Map<String, Object> config = task.config();
        String method = String.valueOf(config.getOrDefault("method", "GET")).toUpperCase(Locale.ROOT);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(String.valueOf(config.get("url"))))
                .timeout(timeout);
        boolean keyGiven = false;
        if (config.get("headers") instanceof Map<?, ?> headers) {
            for (Map.Entry<?, ?> header : headers.entrySet()) {
                builder.header(String.valueOf(header.getKey()), String.valueOf(header.getValue()));
                keyGiven |= IDEMPOTENCY_KEY.equalsIgnoreCase(String.valueOf(header.getKey()));
            }
        }
        if (!keyGiven) {
            builder.header(IDEMPOTENCY_KEY, idempotencyKey(task));
        }
        Object body = config.containsKey("body") ? config.get("body") : defaultBody(method, task);
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        builder.header("Content-Type", "application/json");
        return builder.method(method, HttpRequest.BodyPublishers.ofByteArray(JsonCodec.instance().encode(body))).build();
    }

    private static Object defaultBody(String method, StepTask task) {
        return List.of("POST", "PUT", "PATCH").contains(method) ? task.input() : null;
    }

    private Duration timeout(Map<String, Object> config, Instant deadline) {
        Duration configured = config.get("timeout_ms") instanceof Number millis
                ? Duration.ofMillis(Math.max(1, millis.longValue())) : DEFAULT_TIMEOUT;
        if (deadline == null) {
            return configured;
        }
        Duration left = Duration.between(Instant.now(clock), deadline);
        if (left.compareTo(configured) >= 0) {
            return configured;
        }
        return left.toMillis() < 1 ? Duration.ofMillis(1) : left;
    }
}
