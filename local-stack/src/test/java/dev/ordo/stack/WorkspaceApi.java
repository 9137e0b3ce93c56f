package dev.ordo.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.wire.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A client of the public API scoped to a workspace of its own (by {@code X-Workspace-Slug}), as an
 * external client would use it; bodies decoded into maps and lists.
 */
final class WorkspaceApi {

    /** A status and the decoded body. */
    record Response(int status, Object body, String text) {

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) body;
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final String slug;

    private WorkspaceApi(String base, String slug) {
        this.base = base;
        this.slug = slug;
    }

    /** Creates a fresh workspace through the API and a client scoped to it. */
    static WorkspaceApi fresh() {
        String base = "http://localhost:" + RunningStack.services().apiPort();
        String slug = "it-" + UUID.randomUUID().toString().substring(0, 13);
        Response created = new WorkspaceApi(base, null).post("/api/workspaces", Map.of("name", slug, "slug", slug));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return new WorkspaceApi(base, slug);
    }

    /** The workspace's slug, for clients that scope themselves (e.g. a WebSocket's {@code X-Workspace-Slug}). */
    String slug() {
        return slug;
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, Object body) {
        return send("POST", path, body == null ? null : JsonCodec.instance().encodeToString(body));
    }

    /** Creates a workflow; it must be accepted. */
    String createWorkflow(Map<String, Object> body) {
        Response created = post("/api/workflows/", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return (String) created.json().get("id");
    }

    /** Starts an execution; it must be accepted. */
    String execute(String workflowId, Map<String, Object> inputs) {
        Response submitted = post("/api/workflows/" + workflowId + "/execute", Map.of("input_variables", inputs));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        return (String) submitted.json().get("execution_id");
    }

    /** Waits until the execution reads {@code status} on its detail route, and returns the detail. */
    Map<String, Object> awaitStatus(String executionId, String status) {
        String path = "/api/workflows/executions/" + executionId;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(path).json().get("status"), status::equals);
        return get(path).json();
    }

    private Response send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (slug != null) {
            request.header("X-Workspace-Slug", slug);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            Object body = text == null || text.isBlank() ? null : JsonCodec.instance().decode(text, Object.class);
            return new Response(response.statusCode(), body, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
