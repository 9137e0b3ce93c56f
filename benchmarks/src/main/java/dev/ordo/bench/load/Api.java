package dev.ordo.bench.load;

import dev.ordo.contract.wire.JsonCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/** The public API as the benchmark uses it; counts every request it sends. */
public final class Api {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final LongAdder requests = new LongAdder();

    public Api(String base) {
        this.base = base;
    }

    public long requestsSent() {
        return requests.sum();
    }

    public String createWorkflow(String body) throws Exception {
        HttpResponse<String> created = send(post("/api/workflows/", body));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("create workflow answered " + created.statusCode() + ": " + created.body());
        }
        return (String) JsonCodec.instance().decode(created.body(), Map.class).get("id");
    }

    /** Answers the execution's id once api-service accepted it (202), or fails with the answer. */
    public CompletableFuture<String> execute(String workflowId, String inputJson) {
        requests.increment();
        return http.sendAsync(post("/api/workflows/" + workflowId + "/execute",
                        "{\"input_variables\": {\"input\": " + inputJson + "}}"), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException("execute answered " + response.statusCode() + " "
                                + response.body().substring(0, Math.min(200, response.body().length())));
                    }
                    return (String) JsonCodec.instance().decode(response.body(), Map.class).get("execution_id");
                });
    }

    /** The status route's {@code status} field. */
    public CompletableFuture<String> status(String executionId) {
        requests.increment();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/workflows/executions/" + executionId + "/status"))
                .GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response ->
                response.statusCode() == 200
                        ? (String) JsonCodec.instance().decode(response.body(), Map.class).get("status")
                        : "http " + response.statusCode());
    }

    /** Any GET on the base address (actuator routes), not counted as load. */
    public String get(String baseUrl, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        requests.increment();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
