package dev.ordo.projection.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.infra.EmbeddedInfrastructureInitializer;
import dev.ordo.projection.EventLog;
import dev.ordo.projection.Http;
import dev.ordo.projection.OwnDatabase;
import dev.ordo.projection.ProjectionServiceApplication;
import dev.ordo.projection.SimulatedExecutions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * Figures for {@code docs/PERFORMANCE.md}, not part of the suite: runs only with
 * {@code -Dordo.bench=true}. Rebuild speed over the events of {@code ordo.bench.executions} random
 * executions (default 20,000); the live projection's lag while 1,000 events/s arrive; and query
 * latencies ({@link QueryLatencies}). Every figure goes to stdout and to
 * {@code target/benchmarks/readmodel.txt}; with {@code -Dordo.bench.jfr=true} a flight recording of
 * the rebuild goes to {@code target/benchmarks/rebuild.jfr}.
 */
@EnabledIfSystemProperty(named = "ordo.bench", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(classes = ProjectionServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=projection-service", "ordo.topics.prefix=" + ReadModelBenchmarkIT.PREFIX,
            "ordo.topics.partitions=6", "spring.kafka.consumer.group-id=bench-projection",
            "ordo.projection.lag.refresh-interval=250ms", "logging.level.dev.ordo=WARN"})
@ContextConfiguration(initializers = {EmbeddedInfrastructureInitializer.class, OwnDatabase.ForBenchmarks.class})
class ReadModelBenchmarkIT {

    static final String PREFIX = "bench";
    static final Path REPORT = Path.of("target", "benchmarks", "readmodel.txt");
    private static final EventLog LOG = new EventLog(PREFIX);
    private static final int CHUNK = 1_000;
    private static final String REBUILD_THREAD = "ordo-projection-rebuild";

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @AfterAll
    static void closeLog() {
        LOG.close();
    }

    @Test
    @Order(1)
    void rebuild_speed() {
        int executions = Integer.getInteger("ordo.bench.executions", 20_000);
        long events = 0;
        long start = System.nanoTime();
        List<EventLog.Written> last = List.of();
        for (int chunk = 0; chunk < executions / CHUNK; chunk++) {
            List<EventEnvelope> log = SimulatedExecutions.interleaved(SimulatedExecutions.generate(90_000 + chunk,
                    CHUNK, Instant.now().minusSeconds(86_400L)));
            last = LOG.writeAll(log);
            events += log.size();
        }
        double produced = seconds(start);
        awaitTaken(last, Duration.ofMinutes(30));
        report("log: %,d executions, %,d events written in %.1f s; live projection took them all %.1f s after the "
                + "first was written (%,.0f events/s)", executions, events, produced, seconds(start),
                events / seconds(start));

        Http http = new Http(port);
        Map<String, Object> status;
        double postgresBefore = CpuTime.postgres(jdbc);
        double threadBefore = Math.max(0, CpuTime.thread(REBUILD_THREAD));
        try (Recording recording = profileIfAsked()) {
            assertThat(http.post("/admin/rebuild").status()).isEqualTo(202);
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> List.of("done", "failed").contains(http.get("/admin/rebuild").json().get("state")));
            status = http.get("/admin/rebuild").json();
            if (recording != null) {
                recording.dump(REPORT.resolveSibling("rebuild.jfr"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double thread = CpuTime.thread(REBUILD_THREAD) - threadBefore;
        double postgres = CpuTime.postgres(jdbc) - postgresBefore;
        report("rebuild: %s", status);
        report("rebuild CPU: %.1f s in the rebuild thread, %.1f s in PostgreSQL: %,.0f events per CPU second "
                + "(load average %.1f)", thread, postgres, events / (thread + postgres),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertThat(status).containsEntry("state", "done");
    }

    @Test
    @Order(2)
    void live_lag_at_1000_events_per_second() {
        LiveLoad.Result result = new LiveLoad(LOG, jdbc, 1_000, Duration.ofSeconds(30)).run();
        report("live lag at %d events/s for %d s (%,d events): commit delay of each partition's last applied event "
                + "(sampled every 100 ms) %s; gauge ordo.projection.lag.ms max %d ms", result.rate(),
                result.seconds(), result.events(), result.commitDelay(), result.maxGaugeMillis());
    }

    @Test
    @Order(3)
    void query_latencies() {
        new QueryLatencies(jdbc, 100_000).run().forEach(line -> report("%s", line));
    }

    /** A flight recording of this JVM while the rebuild runs, with {@code -Dordo.bench.jfr=true}; else null. */
    private static Recording profileIfAsked() throws IOException {
        if (!Boolean.getBoolean("ordo.bench.jfr")) {
            return null;
        }
        try {
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            recording.start();
            return recording;
        } catch (java.text.ParseException e) {
            throw new IOException(e);
        }
    }

    private void awaitTaken(List<EventLog.Written> written, Duration patience) {
        Map<Integer, Long> last = EventLog.lastOffsets(written);
        await().atMost(patience).pollInterval(Duration.ofMillis(200)).until(() -> last.entrySet().stream()
                .allMatch(entry -> jdbc.queryForObject("SELECT coalesce(max(last_offset), -1) FROM "
                        + "readmodel.projection_progress WHERE topic = ? AND partition = ?", Long.class, LOG.topic(),
                        entry.getKey()) >= entry.getValue()));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void report(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println("[benchmark] " + line);
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, line + System.lineSeparator(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
