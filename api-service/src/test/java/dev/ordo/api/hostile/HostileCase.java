package dev.ordo.api.hostile;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One hostile request and what the API owes it. {@code target} is the request target exactly as sent
 * (path and query, already percent-encoded or deliberately broken); {@code raw} requests go over a
 * plain socket because {@code java.net.http.HttpClient} refuses to send them.
 */
record HostileCase(String name, String method, String target, Map<String, String> headers, byte[] body,
                   Expectation expectation, boolean raw) {

    /** What the answer must be. Every 4xx must be JSON with a {@code detail}; no case may get a 5xx. */
    enum Expectation {
        /** Any 4xx: the request is wrong. */
        REFUSED,
        /** Anything but a 5xx: the request is odd but may be legal (then a 2xx is fine). */
        SURVIVED,
        PAYLOAD_TOO_LARGE,
        URI_TOO_LONG,
        HEADERS_TOO_LARGE
    }

    static HostileCase of(String name, String method, String target, Expectation expectation) {
        return new HostileCase(name, method, target, Map.of(), null, expectation, false);
    }

    HostileCase withJson(String json) {
        return withBody("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    HostileCase withBody(String contentType, byte[] bytes) {
        return withHeader("Content-Type", contentType).withBodyBytes(bytes);
    }

    HostileCase withHeader(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new HostileCase(name, method, target, Map.copyOf(more), body, expectation, raw);
    }

    HostileCase overRawSocket() {
        return new HostileCase(name, method, target, headers, body, expectation, true);
    }

    private HostileCase withBodyBytes(byte[] bytes) {
        return new HostileCase(name, method, target, headers, bytes, expectation, raw);
    }

    @Override
    public String toString() {
        return name + " [" + method + " " + (target.length() > 120 ? target.substring(0, 120) + "..." : target) + "]";
    }
}
