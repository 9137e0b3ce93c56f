package dev.ordo.api.hostile;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Sends {@link HostileCase}s to the running server: through {@link HttpClient} (thread-safe, shared)
 * when it will send the request, otherwise byte for byte over a plain socket, for what it refuses
 * (control characters in headers, {@code %} not followed by two hex digits).
 */
final class HostileClient {

    /** What came back: status, content type (lower case, empty when none) and the body as text. */
    record Answer(int status, String contentType, String body) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    HostileClient(int port) {
        this.port = port;
    }

    Answer send(HostileCase hostile) {
        if (!hostile.raw()) {
            try {
                return overHttpClient(hostile);
            } catch (IllegalArgumentException refusedByTheClient) {
                // java.net.http will not send this target or header: send it as it is.
            }
        }
        return overSocket(hostile);
    }

    private Answer overHttpClient(HostileCase hostile) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + hostile.target()))
                .timeout(Duration.ofSeconds(30))
                .method(hostile.method(), hostile.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(hostile.body()));
        hostile.headers().forEach(request::header);
        try {
            HttpResponse<String> response = sendOnce(request.build());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse("")
                    .toLowerCase(Locale.ROOT), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("No answer to " + hostile, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends again, once, when the connection fails: a pooled keep-alive connection the server closed
     * after its previous answer (as Tomcat does after refusing a request) fails on its next use. A
     * server that drops this very request fails the second attempt too, and the case fails.
     */
    private static HttpResponse<String> sendOnce(HttpRequest request) throws IOException, InterruptedException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException staleConnection) {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /**
     * One request per connection ({@code Connection: close}). The answer is read by its
     * {@code Content-Length} or chunks, not to the end of the stream: a server refusing a declared
     * body may keep the connection open, waiting for the body it will discard.
     */
    private Answer overSocket(HostileCase hostile) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(hostile.method()).append(' ').append(hostile.target())
                    .append(" HTTP/1.1\r\nHost: localhost:").append(port).append("\r\nConnection: close\r\n");
            hostile.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (hostile.body() != null) {
                head.append("Content-Length: ").append(hostile.body().length).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            if (hostile.body() != null) {
                out.write(hostile.body());
            }
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("No answer to " + hostile, e);
        }
    }

    private static Answer read(BufferedInputStream in) throws IOException {
        String statusLine = line(in);
        if (!statusLine.startsWith("HTTP/1.1 ")) {
            throw new IllegalStateException("Expected an HTTP/1.1 status line, but got: " + statusLine);
        }
        String contentType = "";
        boolean chunked = false;
        long length = -1;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = lower.substring("content-type:".length()).trim();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring("content-length:".length()).trim());
            }
        }
        byte[] body = chunked ? chunks(in) : length >= 0 ? in.readNBytes((int) length) : in.readAllBytes();
        return new Answer(Integer.parseInt(statusLine.substring(9, 12)), contentType,
                new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] chunks(BufferedInputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
            out.write(in.readNBytes(size));
            line(in);
        }
        return out.toByteArray();
    }

    private static int chunkSize(String line) {
        return Integer.parseInt(line.split(";")[0].trim(), 16);
    }

    /** One line without its CRLF, read as ISO-8859-1. */
    private static String line(BufferedInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
