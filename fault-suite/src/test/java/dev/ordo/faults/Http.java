package dev.ordo.faults;

import dev.ordo.contract.wire.JsonCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * A plain HTTP client, as any external client would use it, that never waits for ever: every request
 * has {@link #REQUEST_TIMEOUT}. A request that gets no answer in time is a {@link #TIMED_OUT} response,
 * one that finds nothing listening, or loses its connection, is {@link #UNREACHABLE}.
 */
final class Http {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    static final int TIMED_OUT = -1;
    static final int UNREACHABLE = -2;

    record Response(int status, String body) {

        boolean is(int expected) {
            return status == expected;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return body == null || !body.trim().startsWith("{") ? Map.of() : JsonCodec.instance().decode(body, Map.class);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Http(int port) {
        this.base = "http://localhost:" + port;
    }

    Response get(String path) {
        return send(request(path).GET().build());
    }

    Response post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JsonCodec.instance().encodeToString(body))).build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            return new Response(TIMED_OUT, e.toString());
        } catch (IOException e) {
            return new Response(UNREACHABLE, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + request.uri(), e);
        }
    }
}
