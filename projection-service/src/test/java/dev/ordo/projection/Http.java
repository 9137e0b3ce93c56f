package dev.ordo.projection;

import dev.ordo.contract.wire.JsonCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** Plain HTTP against the projection's port; JSON bodies decoded into maps. */
public final class Http {

    /** A status and the decoded JSON body (empty when the body is not a JSON object). */
    public record Response(int status, Map<String, Object> json, String text) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> map(String... path) {
            Map<String, Object> current = json;
            for (String key : path) {
                current = (Map<String, Object>) current.get(key);
            }
            return current;
        }
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String base;

    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build());
    }

    public Response post(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    @SuppressWarnings("unchecked")
    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            Map<String, Object> json = body.startsWith("{") ? JsonCodec.instance().decode(body, Map.class)
                    : body.startsWith("[") ? Map.of("items", JsonCodec.instance().decode(body, List.class)) : Map.of();
            return new Response(response.statusCode(), json, body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
