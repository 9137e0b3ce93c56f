package dev.ordo.api.executions.stats;

import dev.ordo.api.messaging.BrokerUnavailableException;
import dev.ordo.api.messaging.ConsumerGroupFigures;
import dev.ordo.contract.wire.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Measures {@link BrokerFigures} at most once per {@code ordo.stats.cache-for} (default 1 s) and
 * hands out the last measurement in between, so that polling the stats route costs the broker
 * nothing. A figure the broker does not give in time is null, with a note; the others still count.
 * {@link #lastLag()} reads the last measurement without ever waiting for one.
 */
@Component
public class BrokerFigureCache {

    private final ConsumerGroupFigures groups;
    private final StatsSettings settings;
    private final Topics topics;
    private final String engineGroup;
    private final Clock clock;
    private volatile BrokerFigures last;

    BrokerFigureCache(ConsumerGroupFigures groups, StatsSettings settings, Topics topics,
                      @Value("${ordo.engine.application-id:ordo-engine}") String engineGroup, Clock clock) {
        this.groups = groups;
        this.settings = settings;
        this.topics = topics;
        this.engineGroup = engineGroup;
        this.clock = clock;
    }

    /** The engine's and the projection's lag as last measured, without measuring; empty before the first. */
    public Optional<BrokerLag> lastLag() {
        BrokerFigures figures = last;
        return figures == null ? Optional.empty()
                : Optional.of(new BrokerLag(figures.engineLagEvents(), figures.projectionLagEvents(),
                        figures.measuredAt()));
    }

    /** Measures again if the last measurement is older than {@code ordo.stats.cache-for}; may wait on the broker. */
    public void refresh() {
        current();
    }

    synchronized BrokerFigures current() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.measuredAt().plus(settings.cacheFor()))) {
            last = measure(now);
        }
        return last;
    }

    private BrokerFigures measure(Instant now) {
        List<String> missing = new ArrayList<>();
        Map<Integer, Long> tasks = figure(missing, "queued_tasks",
                () -> groups.lag(settings.workerGroup(), topics.stepTasks(), settings.brokerTimeout()));
        Map<String, Long> byCapabilities = figure(missing, "queued_tasks_by_capabilities", this::queuedByCapabilities);
        Integer workers = figure(missing, "live_workers",
                () -> groups.members(settings.workerGroup(), settings.brokerTimeout()));
        Map<Integer, Long> projection = figure(missing, "projection_lag_events",
                () -> groups.lag(settings.projectionGroup(), topics.executionEvents(), settings.brokerTimeout()));
        Long engine = figure(missing, "engine_lag_events",
                () -> sum(groups.lag(engineGroup, topics.commands(), settings.brokerTimeout()))
                        + sum(groups.lag(engineGroup, topics.stepReports(), settings.brokerTimeout())));
        String note = missing.isEmpty() ? null : "The event broker did not answer for " + String.join(", ", missing)
                + "; those figures are unknown";
        Long queued = tasks == null || byCapabilities == null ? null
                : sum(tasks) + byCapabilities.values().stream().mapToLong(Long::longValue).sum();
        return new BrokerFigures(queued, byCapabilities, workers, engine, projection, now, note);
    }

    /** The workers' lag on each capability task topic ({@code <step-tasks>.<capabilities>}), by capability set. */
    private Map<String, Long> queuedByCapabilities() {
        String prefix = topics.stepTasks() + ".";
        Map<String, Long> queued = new java.util.TreeMap<>();
        for (String topic : groups.topicsStartingWith(prefix, settings.brokerTimeout())) {
            queued.put(topic.substring(prefix.length()), sum(groups.lag(settings.workerGroup(), topic,
                    settings.brokerTimeout())));
        }
        return queued;
    }

    /** Once the broker failed to answer, the rest is not asked: it would only wait out its timeout too. */
    private static <T> T figure(List<String> missing, String name, Supplier<T> measure) {
        if (!missing.isEmpty()) {
            missing.add(name);
            return null;
        }
        try {
            return measure.get();
        } catch (BrokerUnavailableException e) {
            missing.add(name);
            return null;
        }
    }

    private static long sum(Map<Integer, Long> lag) {
        return lag.values().stream().mapToLong(Long::longValue).sum();
    }
}
