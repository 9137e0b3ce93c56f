package dev.ordo.cli.executions;

import dev.ordo.cli.Api;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One WebSocket to a live stream, read as a queue of whole JSON messages, so that the watcher
 * reads it on its own thread, one message at a time.
 */
final class LiveSocket implements AutoCloseable {

    /** Why a socket stopped giving messages. */
    enum Ending {
        /** The watcher saw the end of the execution. */
        FINISHED,
        /** The server refused the handshake (no such stream here): don't try again. */
        REFUSED,
        /** Closed, broke, or went silent: worth another try. */
        DROPPED
    }

    /** Either a message or, at the end, why there are no more. */
    record Message(JsonNode body, Ending ending) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private WebSocket socket;

    private LiveSocket() {
    }

    static LiveSocket open(Api api, String path, Map<String, ?> query) {
        LiveSocket live = new LiveSocket();
        try {
            live.socket = api.openWebSocket(path, query, live.new Listener()).join();
        } catch (CompletionException e) {
            live.messages.add(new Message(null, e.getCause() instanceof WebSocketHandshakeException ? Ending.REFUSED : Ending.DROPPED));
        }
        return live;
    }

    /** The next message, or an ending: the socket's, or {@link Ending#DROPPED} after {@code silence}. */
    Message next(Duration silence) {
        try {
            Message message = messages.poll(silence.toMillis(), TimeUnit.MILLISECONDS);
            return message != null ? message : new Message(null, Ending.DROPPED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Message(null, Ending.DROPPED);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    messages.add(new Message(JSON.readTree(text), null));
                } catch (RuntimeException unreadable) {
                    // a frame that is not JSON is not ours to show; the history route fills any gap
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            messages.add(new Message(null, Ending.DROPPED));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            messages.add(new Message(null, Ending.DROPPED));
        }
    }
}
