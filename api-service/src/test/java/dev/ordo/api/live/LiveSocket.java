package dev.ordo.api.live;

import dev.ordo.contract.wire.JsonCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A live-stream client on the JDK's WebSocket that keeps every message, decoded. */
final class LiveSocket implements WebSocket.Listener, AutoCloseable {

    private final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static LiveSocket connect(int port, String path, String workspaceSlug) {
        LiveSocket client = new LiveSocket();
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().header("X-Workspace-Slug", workspaceSlug)
                .buildAsync(URI.create("ws://localhost:" + port + path), client).join();
        return client;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        synchronized (partial) {
            partial.append(data);
            if (last) {
                received.add(JsonCodec.instance().decode(partial.toString(), Map.class));
                partial.setLength(0);
            }
        }
        return null;
    }

    List<Map<String, Object>> messages() {
        return List.copyOf(received);
    }

    /** The sequences of the event messages, in the order received. */
    List<Long> eventSequences() {
        return received.stream()
                .filter(message -> message.get("sequence") != null && !"execution_state".equals(message.get("event_type")))
                .map(message -> ((Number) message.get("sequence")).longValue()).toList();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
