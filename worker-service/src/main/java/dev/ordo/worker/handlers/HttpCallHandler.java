package dev.ordo.worker.handlers;

import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.wire.JsonCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code http}: one HTTP call. Config (references already resolved by the engine): {@code url}
 * (required), {@code method} (default GET), {@code headers}, {@code body} (sent as JSON; without it,
 * POST, PUT and PATCH send the step's input). The call may not outlast the task's deadline
 * ({@code config.timeout_ms}, default 30 s, otherwise).
 *
 * <p>Output: {@code status_code}, {@code body} (parsed when the response is JSON, else text) and
 * {@code content_type}. A 2xx or 3xx succeeds; 408, 429 and 5xx fail retryably, like a network
 * error or a timeout; any other 4xx fails terminally: repeating the same request cannot fix it.
 */
@Component
class HttpCallHandler implements StepHandler {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final Clock clock;

    HttpCallHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String processingType() {
        return "http";
    }

    @Override
    public StepOutcome handle(StepTask task) {
        HttpRequest request;
        try {
            request = request(task);
        } catch (IllegalArgumentException e) {
            return StepOutcome.failedTerminally("Invalid http request: " + e.getMessage());
        }
        try {
            return outcome(client.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return new StepOutcome.Failed("HTTP " + request.method() + " " + request.uri() + " failed: " + e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StepOutcome.Failed("HTTP call interrupted", true);
        }
    }

    private HttpRequest request(StepTask task) {
        Map<String, Object> config = task.config();
        if (!(config.get("url") instanceof String url) || url.isBlank()) {
            throw new IllegalArgumentException("config.url is missing");
        }
        String method = String.valueOf(config.getOrDefault("method", "GET")).toUpperCase(Locale.ROOT);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(timeout(task));
        if (config.get("headers") instanceof Map<?, ?> headers) {
            headers.forEach((name, value) -> builder.header(String.valueOf(name), String.valueOf(value)));
        }
        Object body = config.containsKey("body") ? config.get("body")
                : switch (method) {
                    case "POST", "PUT", "PATCH" -> task.input();
                    default -> null;
                };
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        builder.header("Content-Type", "application/json");
        return builder.method(method, HttpRequest.BodyPublishers.ofString(JsonCodec.instance().encodeToString(body))).build();
    }

    private Duration timeout(StepTask task) {
        Duration configured = task.config().get("timeout_ms") instanceof Number millis
                ? Duration.ofMillis(Math.max(1, millis.longValue())) : DEFAULT_TIMEOUT;
        if (task.deadline() == null) {
            return configured;
        }
        Duration left = Duration.between(Instant.now(clock), task.deadline());
        return left.compareTo(configured) < 0 ? (left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left)
                : configured;
    }

    private static StepOutcome outcome(HttpResponse<String> response) {
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("status_code", status);
        output.put("content_type", contentType);
        output.put("body", body(response.body(), contentType));
        if (status < 400) {
            return StepOutcome.succeeded(output);
        }
        String error = "HTTP " + response.request().method() + " " + response.request().uri() + " answered " + status;
        boolean retryable = status == 408 || status == 429 || status >= 500;
        return new StepOutcome.Failed(error, retryable);
    }

    private static Object body(String text, String contentType) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (contentType.toLowerCase(Locale.ROOT).contains("json")) {
            try {
                return JsonCodec.instance().decode(text, Object.class);
            } catch (RuntimeException e) {
                return text;
            }
        }
        return text;
    }
}
