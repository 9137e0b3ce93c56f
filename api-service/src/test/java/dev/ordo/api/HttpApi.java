package dev.ordo.api;

import dev.ordo.contract.wire.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A black-box client of the public HTTP API: plain requests, JSON decoded into maps and lists.
 * {@link #in(String)} scopes every request to a workspace by {@code X-Workspace-Slug}.
 */
public final class HttpApi {

    /** A status and the decoded body (a map, a list, or null when empty or not JSON). */
    public record Response(int status, Object body, String text) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> json() {
            return (Map<String, Object>) body;
        }

        @SuppressWarnings("unchecked")
        public List<Object> list() {
            return (List<Object>) body;
        }

        public Object detail() {
            return json().get("detail");
        }

        /** The body's first 300 characters, for assertion messages. */
        public String brief() {
            return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "...";
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final Map<String, String> headers;

    public HttpApi(int port) {
        this("http://localhost:" + port, Map.of());
    }

    private HttpApi(String base, Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    /** The same client with a header on every request. */
    public HttpApi with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new HttpApi(base, more);
    }

    public HttpApi in(String workspaceSlug) {
        return with("X-Workspace-Slug", workspaceSlug);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    public Response post(String path, Object body) {
        return send("POST", path, JsonCodec.instance().encodeToString(body));
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body instanceof String text ? text : JsonCodec.instance().encodeToString(body));
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), decode(response.body()), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Object decode(String body) {
        String trimmed = body == null ? "" : body.trim();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            return null;
        }
        return JsonCodec.instance().decode(trimmed, Object.class);
    }
}
