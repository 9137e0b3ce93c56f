package dev.ordo.projection.bench;

import static org.awaitility.Awaitility.await;

import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.projection.EventLog;
import dev.ordo.projection.SimulatedExecutions;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes random executions' events at a steady rate, each stamped with the moment it is written,
 * and samples every 100 ms how long the last event applied on each partition took from being
 * written to its batch's commit ({@code projection_progress.updated_at - last_occurred_at}), and the
 * lag the projection itself reports ({@code lag_ms}).
 */
final class LiveLoad {

    record Result(int rate, long seconds, long events, String commitDelay, long maxGaugeMillis) {
    }

    private static final int TICKS_PER_SECOND = 100;

    private final EventLog log;
    private final JdbcTemplate jdbc;
    private final int rate;
    private final Duration duration;

    LiveLoad(EventLog log, JdbcTemplate jdbc, int rate, Duration duration) {
        this.log = log;
        this.jdbc = jdbc;
        this.rate = rate;
        this.duration = duration;
    }

    Result run() {
        List<EventEnvelope> events = events(rate * duration.toSeconds());
        Instant start = Instant.now();
        List<Double> delays = Collections.synchronizedList(new ArrayList<>());
        List<Long> gauge = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ScheduledExecutorService threads = Executors.newScheduledThreadPool(2);
        threads.scheduleAtFixedRate(() -> {
            for (int i = 0; i < rate / TICKS_PER_SECOND && next.get() < events.size(); i++) {
                EventEnvelope event = events.get(next.getAndIncrement());
                log.writeLater(new EventEnvelope(event.executionId(), event.sequence(), Instant.now(), event.event()));
            }
        }, 0, 1000 / TICKS_PER_SECOND, TimeUnit.MILLISECONDS);
        threads.scheduleAtFixedRate(() -> sample(start, delays, gauge), 100, 100, TimeUnit.MILLISECONDS);
        await().atMost(duration.plusMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() ->
                next.get() == events.size() && caughtUp());
        threads.shutdownNow();
        double[] sorted = delays.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        String delay = String.format("p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d samples)",
                Latency.percentile(sorted, 0.5), Latency.percentile(sorted, 0.99), sorted[sorted.length - 1],
                sorted.length);
        return new Result(rate, duration.toSeconds(), events.size(), delay,
                gauge.stream().mapToLong(Long::longValue).max().orElse(0));
    }

    private void sample(Instant start, List<Double> delays, List<Long> gauge) {
        Double delay = jdbc.queryForObject("SELECT max(extract(epoch FROM updated_at - last_occurred_at) * 1000) "
                + "FROM readmodel.projection_progress WHERE topic = ? AND updated_at > ?", Double.class, log.topic(),
                Timestamp.from(start));
        if (delay != null) {
            delays.add(delay);
        }
        Long lag = jdbc.queryForObject("SELECT max(lag_ms) FROM readmodel.projection_progress WHERE topic = ? "
                + "AND lag_measured_at > ?", Long.class, log.topic(), Timestamp.from(start));
        if (lag != null) {
            gauge.add(lag);
        }
    }

    private boolean caughtUp() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT coalesce(bool_and(lag_events = 0), false) FROM "
                + "readmodel.projection_progress WHERE topic = ? AND lag_measured_at > now() - interval '1 second'",
                Boolean.class, log.topic()));
    }

    private static List<EventEnvelope> events(long count) {
        List<List<EventEnvelope>> executions = new ArrayList<>();
        long total = 0;
        for (int chunk = 0; total < count; chunk++) {
            List<List<EventEnvelope>> more = SimulatedExecutions.generate(50_000 + chunk, 200, Instant.now());
            executions.addAll(more);
            total += more.stream().mapToInt(List::size).sum();
        }
        List<EventEnvelope> interleaved = SimulatedExecutions.interleaved(executions);
        return interleaved.subList(0, (int) count);
    }
}
