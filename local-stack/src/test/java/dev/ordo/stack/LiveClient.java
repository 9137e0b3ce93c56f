package dev.ordo.stack;

import org.awaitility.Awaitility;

import dev.ordo.contract.wire.JsonCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A live-stream client on the JDK's WebSocket: it keeps every message it receives, decoded, and how
 * the server closed. A paused client reads nothing from the network until {@link #resume()}, like a
 * client that cannot keep up.
 */
final class LiveClient implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final boolean paused;
    private volatile WebSocket socket;
    private volatile Integer closeCode;
    private volatile String closeReason;

    private LiveClient(boolean paused) {
        this.paused = paused;
    }

    /** Connects to {@code pathAndQuery} on {@code port}, in the workspace {@code slug} (null: none). */
    static LiveClient connect(int port, String pathAndQuery, String slug) {
        return open(port, pathAndQuery, slug, false);
    }

    /** Like {@link #connect}, but reads nothing until {@link #resume()}. */
    static LiveClient connectPaused(int port, String pathAndQuery, String slug) {
        return open(port, pathAndQuery, slug, true);
    }

    private static LiveClient open(int port, String pathAndQuery, String slug, boolean paused) {
        LiveClient client = new LiveClient(paused);
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (slug != null) {
            builder.header("X-Workspace-Slug", slug);
        }
        client.socket = builder.buildAsync(URI.create("ws://localhost:" + port + pathAndQuery), client).join();
        return client;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        if (!paused) {
            webSocket.request(Long.MAX_VALUE);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        synchronized (partial) {
            partial.append(data);
            if (last) {
                @SuppressWarnings("unchecked")
                Map<String, Object> message = JsonCodec.instance().decode(partial.toString(), Map.class);
                received.add(message);
                partial.setLength(0);
            }
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = reason;
        closeCode = statusCode;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeReason = error.toString();
        closeCode = -1;
    }

    void resume() {
        socket.request(Long.MAX_VALUE);
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).join();
    }

    /** Every message so far, heartbeats included. */
    List<Map<String, Object>> messages() {
        return List.copyOf(received);
    }

    /** The messages so far that are not heartbeats. */
    List<Map<String, Object>> withoutHeartbeats() {
        return received.stream().filter(message -> !"heartbeat".equals(message.get("event_type"))).toList();
    }

    /** The event messages (those with a sequence, {@code execution_state} excluded) of one execution. */
    List<Map<String, Object>> events(String executionId) {
        return received.stream().filter(message -> executionId.equals(message.get("workflow_execution_id")))
                .filter(message -> !"execution_state".equals(message.get("event_type"))).toList();
    }

    /** Waits for a message that matches and returns it. */
    Map<String, Object> await(Predicate<Map<String, Object>> match) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> received.stream().anyMatch(match));
        return received.stream().filter(match).findFirst().orElseThrow();
    }

    /** Waits for an event of this type about the execution. */
    Map<String, Object> awaitEvent(String executionId, String eventType) {
        return await(message -> executionId.equals(message.get("workflow_execution_id"))
                && eventType.equals(message.get("event_type")));
    }

    Integer closeCode() {
        return closeCode;
    }

    String closeReason() {
        return closeReason;
    }

    static Predicate<Map<String, Object>> type(String eventType) {
        return message -> eventType.equals(message.get("event_type"));
    }

    @Override
    public void close() {
        WebSocket open = socket;
        if (open != null && !open.isOutputClosed()) {
            CompletableFuture<WebSocket> closing = open.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            try {
                closing.get(2, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                open.abort();
            }
        }
        if (open != null) {
            open.abort();
        }
    }
}
