package dev.ordo.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.ApiTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a live-stream path answers to a request that is no WebSocket handshake: JSON with a
 * {@code detail} and a status that says what is wrong, never the container's plain text.
 */
@ApiTest
class PlainRequestsToLiveStreamsApiTest {

    private static final String KEY = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";

    @LocalServerPort
    int port;

    @Test
    void a_plain_get_without_the_upgrade_headers_is_a_json_400() throws IOException {
        String answer = send("GET /ws/stream HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/json").contains("\"detail\"")
                .contains("Upgrade: websocket");
    }

    @Test
    void a_post_to_a_live_stream_is_a_json_405_that_allows_get() throws IOException {
        String answer = send("POST /ws/workflows/stream HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 405").containsIgnoringCase("Allow: GET").contains("\"detail\"");
    }

    @Test
    void an_unsupported_protocol_version_is_a_json_426_naming_version_13() throws IOException {
        String answer = send("GET /ws/stream HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + KEY + "Sec-WebSocket-Version: 8\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 426").containsIgnoringCase("Sec-WebSocket-Version: 13").contains("\"detail\"");
    }

    @Test
    void a_proper_handshake_to_an_unknown_execution_is_still_the_json_404() throws IOException {
        String answer = send("GET /ws/workflows/executions/00000000-0000-0000-0000-000000000000 HTTP/1.1\r\nHost: localhost\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n" + KEY + "Sec-WebSocket-Version: 13\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 404").contains("Execution not found");
    }

    /** Sends one raw request (the JDK's client will not set Upgrade or Connection) and reads the whole answer. */
    private String send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
