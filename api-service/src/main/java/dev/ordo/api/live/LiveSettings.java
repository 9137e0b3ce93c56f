package dev.ordo.api.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code ordo.live.*}: the limits of the WebSocket live streams of this instance.
 *
 * @param heartbeatInterval silence on a connection after which a {@code heartbeat} message is sent
 * @param maxSubscriptions streams one connection may follow at once
 * @param maxConnections open connections this instance accepts; past it a handshake is answered 503
 * @param sendBufferSize outgoing bytes a connection may have queued; past it the client is closed
 * @param sendTimeLimit how long one message may take to reach a client before it is closed
 * @param maxMessageSize the largest client frame read; a larger one closes the connection (1009)
 */
@ConfigurationProperties("ordo.live")
public record LiveSettings(Duration heartbeatInterval, int maxSubscriptions, int maxConnections,
                           DataSize sendBufferSize, Duration sendTimeLimit, DataSize maxMessageSize) {
}
