package dev.ordo.api.live;

import dev.ordo.api.web.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The live-stream connections: opens one with the stream its handshake asked for, takes the client's
 * subscribe and unsubscribe messages (a bad one is answered with an {@code error} message, the
 * connection stays open), and closes a client that fell behind with status 1008 and the reason.
 * A client frame above {@code ordo.live.max-message-size} closes the connection with 1009.
 * Closing runs on a thread of its own: a close frame may wait behind a frame the client does not read.
 */
@Component
class LiveHandler extends TextWebSocketHandler implements DisposableBean {

    /** Tomcat's per-session bound on a blocking send, the close frame's included (milliseconds). */
    private static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";
    private static final Logger log = LoggerFactory.getLogger(LiveHandler.class);
    private static final int WRITERS = 4;

    private final LiveConnections connections;
    private final Subscriptions subscriptions;
    private final LiveSettings settings;
    private final Counter fellBehind;
    private final ExecutorService closer = new ThreadPoolExecutor(1, 8, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "ordo-live-close");
                thread.setDaemon(true);
                return thread;
            });
    /**
     * Writes the connections' queued frames (one write per connection at a time, so the queue holds
     * at most one task per open connection); a client that does not read holds a thread for at most
     * {@code ordo.live.send-time-limit}.
     */
    private final ExecutorService writer = new ThreadPoolExecutor(WRITERS, WRITERS, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "ordo-live-write");
                thread.setDaemon(true);
                return thread;
            });

    LiveHandler(LiveConnections connections, Subscriptions subscriptions, LiveSettings settings,
                MeterRegistry registry) {
        this.connections = connections;
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.fellBehind = Counter.builder("ordo.live.clients.fell_behind")
                .description("Live-stream clients closed because they did not read fast enough").register(registry);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        StreamRequest request = (StreamRequest) session.getAttributes().get(StreamRequest.ATTRIBUTE);
        Session container = ((StandardWebSocketSession) session).getNativeSession(Session.class);
        container.getUserProperties().put(BLOCKING_SEND_TIMEOUT, settings.sendTimeLimit().toMillis());
        container.getAsyncRemote().setSendTimeout(settings.sendTimeLimit().toMillis());
        int maxFrame = (int) Math.min(Integer.MAX_VALUE, settings.maxMessageSize().toBytes());
        container.setMaxTextMessageBufferSize(maxFrame);
        container.setMaxBinaryMessageBufferSize(maxFrame);
        OutgoingFrames out = new OutgoingFrames(container, settings.sendBufferSize().toBytes(), writer,
                why -> fellBehind(session, why), why -> closeBehind(session, why));
        LiveConnection connection = new LiveConnection(session, request.workspace(), out);
        connections.opened(connection);
        follow(connection, request.target(), request.since());
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        LiveConnection connection = connections.get(session.getId());
        if (connection == null) {
            return;
        }
        ClientMessages.Request request;
        try {
            request = ClientMessages.read(message.getPayload());
        } catch (ApiException refused) {
            subscriptions.refuse(connection, refused.getMessage());
            return;
        }
        if (request.subscribe()) {
            follow(connection, request.target(), request.since());
        } else {
            subscriptions.unfollow(connection, request.target());
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("Live-stream connection {} failed: {}", session.getId(), exception.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        connections.closed(session.getId());
    }

    private void follow(LiveConnection connection, StreamTarget target, Long since) {
        try {
            subscriptions.follow(connection, target, since);
        } catch (DataAccessException e) {
            log.warn("Could not open a live stream, the database is out of reach: {}", e.toString());
            subscriptions.unfollow(connection, target);
            subscriptions.refuse(connection, "The database is unavailable; subscribe again later");
        }
    }

    private void fellBehind(WebSocketSession session, String why) {
        fellBehind.increment();
        log.info("Closing live-stream connection {}: {}", session.getId(), why);
    }

    private void closeBehind(WebSocketSession session, String why) {
        closer.execute(() -> close(session, CloseStatus.POLICY_VIOLATION.withReason(why)));
    }

    private static void close(WebSocketSession session, CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("Closing live-stream connection {} failed: {}", session.getId(), e.toString());
        }
    }

    /** Tells every client this instance is going away (1001). */
    @Override
    public void destroy() {
        connections.all().forEach(connection -> {
            connection.out().stop();
            close(connection.session(), CloseStatus.GOING_AWAY);
        });
        closer.shutdownNow();
        writer.shutdownNow();
    }
}
