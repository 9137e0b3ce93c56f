package dev.ordo.stack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP service for {@code http} steps that counts the requests it gets, by path and query,
 * and answers each with {@code {"path": ..., "query": ...}}: how often a step's handler really ran.
 */
final class CountingUpstream implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    private CountingUpstream(HttpServer server) {
        this.server = server;
    }

    static CountingUpstream start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            CountingUpstream upstream = new CountingUpstream(server);
            server.createContext("/", upstream::answer);
            server.start();
            return upstream;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of {@code path} here, e.g. {@code /one?run=${run}}. */
    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    /** Requests received for {@code pathAndQuery}, e.g. {@code /one?run=r1}. */
    int hits(String pathAndQuery) {
        AtomicInteger count = hits.get(pathAndQuery);
        return count == null ? 0 : count.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        hits.computeIfAbsent(query == null ? path : path + "?" + query, key -> new AtomicInteger()).incrementAndGet();
        byte[] body = ("{\"path\": \"" + path + "\", \"query\": \"" + query + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
