package dev.ordo.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API and its WebSockets as {@code ordo} sees them: one base address, one workspace and
 * an optional API key, sent the same way on every request. A 4xx becomes a {@link CliFailure}
 * with {@link ExitCode#REFUSED} and the API's {@code detail}; an unreachable API or a 5xx one with
 * {@link ExitCode#UNAVAILABLE}.
 */
public final class Api {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final String workspace;
    private final String apiKey;
    private final HttpClient http;
    private final ObjectMapper json = JsonMapper.builder().build();

    /**
     * @param workspace a workspace id (UUID) or slug, or null for the API's default workspace
     * @param apiKey sent as {@code X-API-Key} (and {@code ?api_key=} on WebSockets), or null
     */
    public Api(URI base, String workspace, String apiKey) {
        this.base = withoutTrailingSlash(base);
        this.workspace = blankToNull(workspace);
        this.apiKey = blankToNull(apiKey);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public ObjectMapper json() {
        return json;
    }

    public JsonNode get(String path, Map<String, ?> query) {
        return get(path, query, Map.of());
    }

    public JsonNode get(String path, Map<String, ?> query, Map<String, String> headers) {
        return send("GET", path + queryString(query), null, headers);
    }

    public JsonNode post(String path, Object body) {
        return post(path, body, Map.of());
    }

    public JsonNode post(String path, Object body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    public JsonNode delete(String path, Map<String, String> headers) {
        return send("DELETE", path, null, headers);
    }

    public JsonNode patch(String path, Object body) {
        return send("PATCH", path, body, Map.of());
    }

    /** Opens a WebSocket on {@code path} with the same workspace and key as the REST calls. */
    public CompletableFuture<WebSocket> openWebSocket(String path, Map<String, ?> query, WebSocket.Listener listener) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(query);
        if (apiKey != null) {
            all.put("api_key", apiKey);
        }
        URI uri = URI.create(base.toString().replaceFirst("^http", "ws") + path + queryString(all));
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        workspaceHeader().forEach(builder::header);
        return builder.buildAsync(uri, listener);
    }

    private JsonNode send(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        workspaceHeader().forEach(request::header);
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CliFailure(ExitCode.UNAVAILABLE, "cannot reach " + base + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.UNAVAILABLE, "interrupted while calling " + base);
        }
        JsonNode answer = parse(response.body());
        int status = response.statusCode();
        if (status >= 500) {
            throw new CliFailure(ExitCode.UNAVAILABLE, method + " " + path + " answered " + status + ": " + detail(answer, response.body()));
        }
        if (status >= 400) {
            throw new ApiRefusal(status, method + " " + path + " answered " + status + ": " + detail(answer, response.body()));
        }
        return answer;
    }

    private Map<String, String> workspaceHeader() {
        if (workspace == null) {
            return Map.of();
        }
        return Ids.isUuid(workspace) ? Map.of("X-Workspace-Id", workspace) : Map.of("X-Workspace-Slug", workspace);
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (RuntimeException notJson) {
            return json.getNodeFactory().stringNode(body);
        }
    }

    /** The API's {@code detail}, whatever its shape (text, a validation object, a list of field problems). */
    private String detail(JsonNode answer, String raw) {
        JsonNode detail = answer.path("detail");
        if (detail.isMissingNode()) {
            return raw.length() > 500 ? raw.substring(0, 500) + "..." : raw;
        }
        return detail.isString() ? detail.asString() : detail.toString();
    }

    private static String queryString(Map<String, ?> query) {
        StringJoiner joined = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((name, value) -> {
            if (value != null) {
                joined.add(encode(name) + "=" + encode(String.valueOf(value)));
            }
        });
        return joined.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : "connection refused or timed out (is it running? ./run starts the stack)";
    }


    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** A 4xx answer; {@link #status()} lets a command tell "not found" from other refusals. */
    public static final class ApiRefusal extends CliFailure {

        private final int status;

        ApiRefusal(int status, String message) {
            super(ExitCode.REFUSED, message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
