package dev.ordo.api.benchmark;

import dev.ordo.api.ApiTest;
import dev.ordo.api.HttpApi;
import dev.ordo.api.ReadModelFixture;
import dev.ordo.api.TestWorkspace;
import dev.ordo.contract.execution.ExecutionEvent.StepStarted;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.contract.wire.ReadModelUpdate;
import dev.ordo.contract.wire.ReadModelUpdate.AppliedEvent;
import dev.ordo.contract.wire.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Commit-to-message delay of the live streams: this benchmark stands in for the projection (it
 * commits a {@code readmodel.execution_events} row, then publishes the update with the current
 * time as the record's timestamp) at 100 updates/s, and N WebSocket clients in this JVM follow the
 * workspace stream; the delay is the client's receive time minus the record timestamp (one clock,
 * millisecond resolution). Clients and server share the machine. Skipped unless
 * {@code -Dordo.bench=true}:
 * {@code ./mvnw -B -o -q -pl api-service -am verify -Dtest=LiveStreamBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dordo.bench=true}; figures in its output file.
 */
@ApiTest
@EnabledIfSystemProperty(named = "ordo.bench", matches = "true")
class LiveStreamBenchmark {

    private static final int RATE = 100;
    private static final int SECONDS = 10;
    private static final int EXECUTIONS = 50;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    Topics topics;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private final Map<String, Long> publishedAt = new ConcurrentHashMap<>();

    @Test
    void commit_to_message_delay_at_100_updates_per_second() throws Exception {
        ReadModelFixture.ensureTable(jdbc);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            if (!admin.listTopics().names().get().contains(topics.readModelUpdates())) {
                admin.createTopics(List.of(new NewTopic(topics.readModelUpdates(), 3, (short) 1))).all().get();
            }
        }
        Thread.sleep(2_000); // lets the fan-out find a topic created just now (it looks every second)
        TestWorkspace workspace = TestWorkspace.create(new HttpApi(port));
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            clients.add(HttpClient.newHttpClient());
        }
        measure(workspace, clients, 10, 3, "warm-up, not a figure: ");
        for (int subscribers : subscriberLevels()) {
            measure(workspace, clients, subscribers, SECONDS, "");
        }
    }

    /** {@code -Dordo.bench.subscribers=10,100,1000} picks the levels; by default 10, 100, 1,000 and 2,000. */
    private static int[] subscriberLevels() {
        String levels = System.getProperty("ordo.bench.subscribers", "10,100,1000,2000");
        return java.util.Arrays.stream(levels.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }

    private void measure(TestWorkspace workspace, List<HttpClient> clients, int wanted, int seconds, String label) {
        Histogram delays = new Histogram();
        List<WebSocket> sockets = new ArrayList<>();
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < wanted; i++) {
            opening.add(clients.get(i % clients.size()).newWebSocketBuilder()
                    .header("X-Workspace-Slug", workspace.slug())
                    .buildAsync(URI.create("ws://localhost:" + port + "/ws/stream"), new Receiver(delays)));
            if (opening.size() == 100 || i == wanted - 1) {
                for (CompletableFuture<WebSocket> open : opening) {
                    try {
                        sockets.add(open.join());
                    } catch (RuntimeException e) {
                        refused++;
                    }
                }
                opening.clear();
            }
        }
        int subscribers = sockets.size();
        double fellBehind = meters.counter("ordo.live.clients.fell_behind").count();

        UUID workflowId = UUID.randomUUID();
        UUID workspaceId = UUID.fromString(workspace.id());
        List<UUID> executions = new ArrayList<>();
        for (int i = 0; i < EXECUTIONS; i++) {
            executions.add(UUID.randomUUID());
        }
        long[] sequences = new long[EXECUTIONS];
        long every = 1_000_000_000L / RATE;
        long start = System.nanoTime();
        int updates = RATE * seconds;
        for (int n = 0; n < updates; n++) {
            LockSupport.parkNanos(start + n * every - System.nanoTime());
            int e = n % EXECUTIONS;
            UUID executionId = executions.get(e);
            long sequence = ++sequences[e];
            jdbc.sql("INSERT INTO readmodel.execution_events (execution_id, sequence, occurred_at, type, data)"
                            + " VALUES (?, ?, ?, 'StepStarted', ?::jsonb)")
                    .params(executionId, sequence, Instant.now().atOffset(ZoneOffset.UTC),
                            JsonCodec.instance().encodeToString(new StepStarted("s" + sequence, 1, "bench")))
                    .update();
            long now = System.currentTimeMillis();
            publishedAt.put(executionId + ":" + sequence, now);
            ReadModelUpdate update = new ReadModelUpdate(executionId, workflowId, workspaceId, sequence, "running",
                    List.of(new AppliedEvent(sequence, "StepStarted", "s" + sequence, Instant.now())));
            kafka.send(new ProducerRecord<>(topics.readModelUpdates(), null, now, executionId.toString(),
                    JsonCodec.instance().encode(update)));
        }
        long expected = (long) updates * subscribers;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (delays.count() < expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(50_000_000L);
        }
        System.out.printf("%ssubscribers=%d (refused %d) updates=%d rate=%d/s: received %d of %d messages, p50 %d ms,"
                        + " p99 %d ms, max %d ms, over 100 ms %.2f %%, closed as slow %d%n", label, subscribers, refused,
                updates, RATE,
                delays.count(), expected, delays.percentile(0.50), delays.percentile(0.99), delays.max(),
                100.0 * delays.over(100) / Math.max(1, delays.count()),
                (long) (meters.counter("ordo.live.clients.fell_behind").count() - fellBehind));
        sockets.forEach(WebSocket::abort);
        publishedAt.clear();
        LockSupport.parkNanos(2_000_000_000L); // lets the server see the aborted connections go
    }

    /** Reads the execution id and sequence of each message without decoding all of it. */
    private final class Receiver implements WebSocket.Listener {
        private final Histogram delays;
        private final StringBuilder partial = new StringBuilder();

        Receiver(Histogram delays) {
            this.delays = delays;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.currentTimeMillis();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                String execution = field(text, "\"workflow_execution_id\":\"", '"');
                String sequence = field(text, "\"sequence\":", ',');
                Long at = execution == null || sequence == null ? null : publishedAt.get(execution + ":" + sequence);
                if (at != null) {
                    delays.add(now - at);
                }
            }
            return null;
        }

        private static String field(String text, String key, char end) {
            int from = text.indexOf(key);
            if (from < 0) {
                return null;
            }
            from += key.length();
            int to = text.indexOf(end, from);
            return to < 0 ? null : text.substring(from, to);
        }
    }

    /** Delays in whole milliseconds, 0 to 60 s. */
    private static final class Histogram {
        private final AtomicLongArray counts = new AtomicLongArray(60_001);
        private final AtomicLong total = new AtomicLong();

        void add(long millis) {
            counts.incrementAndGet((int) Math.max(0, Math.min(60_000, millis)));
            total.incrementAndGet();
        }

        long count() {
            return total.get();
        }

        long percentile(double p) {
            long rank = (long) Math.ceil(p * total.get());
            long seen = 0;
            for (int ms = 0; ms < counts.length(); ms++) {
                seen += counts.get(ms);
                if (seen >= rank && seen > 0) {
                    return ms;
                }
            }
            return -1;
        }

        long max() {
            for (int ms = counts.length() - 1; ms >= 0; ms--) {
                if (counts.get(ms) > 0) {
                    return ms;
                }
            }
            return -1;
        }

        long over(long millis) {
            long over = 0;
            for (int ms = (int) millis + 1; ms < counts.length(); ms++) {
                over += counts.get(ms);
            }
            return over;
        }
    }
}
