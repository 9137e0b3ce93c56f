package dev.ordo.stack;

import dev.ordo.contract.wire.JsonCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** A plain HTTP client for the public API, as any external client would use it. */
final class ApiClient {

    record Response(int status, Map<String, Object> body) {
    }

    /** A response whose body is a JSON array. */
    record ListResponse(int status, List<Object> body) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    @SuppressWarnings("unchecked")
    ListResponse getList(String path) {
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        return new ListResponse(response.statusCode(), JsonCodec.instance().decode(response.body(), List.class));
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build());
    }

    Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    @SuppressWarnings("unchecked")
    private Response send(HttpRequest request) {
        HttpResponse<String> response = exchange(request);
        String body = response.body();
        Map<String, Object> parsed = body == null || body.isBlank() || !body.trim().startsWith("{")
                ? Map.of() : JsonCodec.instance().decode(body, Map.class);
        return new Response(response.statusCode(), parsed);
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
