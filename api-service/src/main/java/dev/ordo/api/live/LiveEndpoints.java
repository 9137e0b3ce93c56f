package dev.ordo.api.live;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The live-stream endpoints on the API's own port: one execution, one workflow's executions, and
 * the workspace's executions (twice: {@code /ws/workflows/stream} and the global {@code /ws/stream}).
 * Browsers may connect from the API's own origin only (a dashboard served by it).
 */
@Configuration
@EnableWebSocket
class LiveEndpoints implements WebSocketConfigurer {

    private final LiveHandler handler;
    private final StreamHandshake handshake;

    LiveEndpoints(LiveHandler handler, StreamHandshake handshake) {
        this.handler = handler;
        this.handshake = handshake;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/ws/workflows/executions/*", "/ws/workflows/stream", "/ws/workflows/*",
                        "/ws/stream")
                .addInterceptors(handshake);
    }
}
