package dev.ordo.api.live;

import dev.ordo.api.web.ApiException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;

/**
 * Checks that a request to a live-stream path is a WebSocket handshake at all, before anything else
 * is resolved, so that a plain request gets a JSON answer rather than the container's text: 405 for
 * a method other than GET, 400 without the {@code Upgrade: websocket} and {@code Connection: upgrade}
 * headers, 426 for a protocol version other than 13 (with the version that is served).
 */
final class UpgradeRequest {

    static final String SUPPORTED_VERSION = "13";

    private UpgradeRequest() {
    }

    /** @throws ApiException naming what is missing, when the request is not a WebSocket handshake */
    static void check(ServerHttpRequest request) {
        if (request.getMethod() != HttpMethod.GET) {
            throw new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "A live stream is opened with a GET WebSocket handshake");
        }
        if (!"websocket".equalsIgnoreCase(String.valueOf(request.getHeaders().getUpgrade()).trim())) {
            throw ApiException.badRequest("Expected a WebSocket handshake (Upgrade: websocket) on a live-stream path");
        }
        if (!mentionsUpgrade(request.getHeaders().getConnection())) {
            throw ApiException.badRequest("Expected a WebSocket handshake (Connection: Upgrade) on a live-stream path");
        }
        if (!SUPPORTED_VERSION.equals(String.valueOf(request.getHeaders().getFirst("Sec-WebSocket-Version")).trim())) {
            throw new ApiException(HttpStatus.UPGRADE_REQUIRED, "Only WebSocket protocol version 13 is served");
        }
    }

    private static boolean mentionsUpgrade(List<String> connection) {
        return connection.stream().anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("upgrade"));
    }
}
