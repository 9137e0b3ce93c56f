package dev.ordo.api.live;

import dev.ordo.api.web.ApiException;
import dev.ordo.api.workspaces.Workspace;
import dev.ordo.api.workspaces.WorkspaceScope;
import dev.ordo.contract.wire.JsonCodec;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Resolves a live-stream handshake before the upgrade: the workspace as REST does
 * ({@link WorkspaceScope}), the stream from the path, {@code ?since=}. A refusal is an ordinary HTTP
 * answer with a JSON {@code detail}: 405, 400 or 426 for what is no WebSocket handshake
 * ({@link UpgradeRequest}), 404 for an unknown workspace, or an execution or workflow that
 * is malformed, unknown or of another workspace; 400 for a bad {@code since}; 503 when this instance
 * has its most connections open, or the database is out of reach.
 */
@Component
class StreamHandshake implements HandshakeInterceptor {

    private static final Logger log = LoggerFactory.getLogger(StreamHandshake.class);
    private static final String EXECUTIONS = "/ws/workflows/executions/";
    private static final String WORKFLOWS = "/ws/workflows/";

    private final WorkspaceScope scope;
    private final Subscriptions subscriptions;
    private final LiveConnections connections;
    private final LiveSettings settings;

    StreamHandshake(WorkspaceScope scope, Subscriptions subscriptions, LiveConnections connections,
                    LiveSettings settings) {
        this.scope = scope;
        this.subscriptions = subscriptions;
        this.connections = connections;
        this.settings = settings;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) throws IOException {
        try {
            UpgradeRequest.check(request);
            if (connections.size() >= settings.maxConnections()) {
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                        "Too many live connections on this instance; try another instance or later");
            }
            HttpServletRequest servlet = ((ServletServerHttpRequest) request).getServletRequest();
            Workspace workspace = scope.resolve(servlet);
            StreamTarget target = target(servlet.getRequestURI().substring(servlet.getContextPath().length()),
                    workspace);
            Long since = since(servlet.getParameter("since"));
            subscriptions.check(workspace, target);
            attributes.put(StreamRequest.ATTRIBUTE, new StreamRequest(workspace, target, since));
            return true;
        } catch (ApiException refused) {
            if (refused.status() == HttpStatus.UPGRADE_REQUIRED) {
                response.getHeaders().set("Sec-WebSocket-Version", UpgradeRequest.SUPPORTED_VERSION);
            } else if (refused.status() == HttpStatus.METHOD_NOT_ALLOWED) {
                response.getHeaders().set("Allow", "GET");
            }
            refuse(response, refused.status(), refused.detail());
        } catch (DataAccessException e) {
            log.warn("Refused a live-stream handshake, the database is out of reach: {}", e.toString());
            refuse(response, HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable; try again later");
        }
        return false;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }

    private static StreamTarget target(String path, Workspace workspace) {
        if (path.equals("/ws/stream") || path.equals("/ws/workflows/stream")) {
            return StreamTarget.workspace(workspace.id());
        }
        if (path.startsWith(EXECUTIONS)) {
            return StreamTarget.execution(id(path.substring(EXECUTIONS.length()), "Execution not found"));
        }
        return StreamTarget.workflow(id(path.substring(WORKFLOWS.length()), "Workflow not found"));
    }

    static UUID id(String text, String notFound) {
        try {
            if (text.length() != 36) {
                throw new IllegalArgumentException(text);
            }
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(notFound);
        }
    }

    /** Null for none; a whole number from 0 up, else a 400. */
    static Long since(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long since = Long.parseLong(text.trim());
            if (since >= 0) {
                return since;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("Invalid since: expected a whole number of at least 0, got '"
                + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
    }

    private static void refuse(ServerHttpResponse response, HttpStatus status, Object detail) throws IOException {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getBody().write(JsonCodec.instance().encode(Map.of("detail", detail)));
    }
}
