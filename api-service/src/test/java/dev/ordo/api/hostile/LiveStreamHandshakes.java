package dev.ordo.api.hostile;

import static dev.ordo.api.hostile.HostileCase.Expectation.REFUSED;

import java.util.ArrayList;
import java.util.List;

/**
 * Hostile requests to the live-stream paths, which {@code /openapi.json} does not list: junk ids,
 * junk {@code since}, another workspace's objects, and requests that are no WebSocket handshake.
 * Every one must be refused before the upgrade, in JSON; none may be upgraded or get a 5xx.
 */
final class LiveStreamHandshakes {

    private static final List<String> JUNK_IDS = List.of("%2F", "%00", "%5C", "..%2f..%2fetc", "%09", "%ff",
            "not-a-uuid", "00000000-0000-0000-0000-00000000000", "'%3B%20DROP%20TABLE%20x%3B--",
            "00000000-0000-0000-0000-000000000000", "x".repeat(300));
    private static final List<String> JUNK_SINCE = List.of("-1", "abc", "1e40", "99999999999999999999", "%00",
            "1.5", "%ff", "+-3");

    private LiveStreamHandshakes() {
    }

    /**
     * @param executionId an execution of the test's workspace
     * @param workflowId its workflow
     * @param strangerSlug another workspace, which must not reach them
     */
    static List<HostileCase> cases(String executionId, String workflowId, String strangerSlug) {
        List<HostileCase> cases = new ArrayList<>();
        for (String junk : JUNK_IDS) {
            cases.add(handshake("execution id " + junk, "/ws/workflows/executions/" + junk));
            cases.add(handshake("workflow id " + junk, "/ws/workflows/" + junk));
        }
        for (String junk : JUNK_SINCE) {
            cases.add(handshake("since " + junk, "/ws/workflows/executions/" + executionId + "?since=" + junk));
        }
        cases.add(handshake("another workspace's execution", "/ws/workflows/executions/" + executionId)
                .withHeader("X-Workspace-Slug", strangerSlug));
        cases.add(handshake("another workspace's workflow", "/ws/workflows/" + workflowId)
                .withHeader("X-Workspace-Slug", strangerSlug));
        for (String path : List.of("/ws/stream", "/ws/workflows/stream")) {
            cases.add(handshake("unknown workspace slug on " + path, path).withHeader("X-Workspace-Slug", "no-such-workspace"));
            cases.add(handshake("junk workspace id on " + path, path + "?workspace_id=%00"));
            cases.add(HostileCase.of("plain GET of " + path, "GET", path, REFUSED).overRawSocket());
            cases.add(HostileCase.of("POST to " + path, "POST", path, REFUSED).withJson("{}").overRawSocket());
            cases.add(handshake("protocol version 8 on " + path, path).withHeader("Sec-WebSocket-Version", "8"));
        }
        return cases;
    }

    private static HostileCase handshake(String name, String target) {
        return HostileCase.of("live stream: " + name, "GET", target, REFUSED)
                .withHeader("Upgrade", "websocket")
                .withHeader("Connection", "Upgrade")
                .withHeader("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .withHeader("Sec-WebSocket-Version", "13")
                .overRawSocket();
    }
}
