package dev.ordo.api.admission;

import dev.ordo.api.executions.stats.BrokerFigureCache;
import dev.ordo.api.executions.stats.BrokerLag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Refuses requests that start work (execute, rerun, retry) while the engine or the projection lags
 * past its threshold ({@link BackpressureSettings}); cancelling is never refused. It judges by the
 * lag the stats route caches ({@link BrokerFigureCache}) and never waits on the broker: a figure
 * older than the cache's lifetime is refreshed on a background thread, and the request is judged
 * by the figure at hand. An unknown lag (not measured yet, not answered by the broker, or older
 * than {@code max-figure-age}) refuses nothing.
 */
@Component
public class Backpressure implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Backpressure.class);
    private static final Duration REFRESH_AFTER = Duration.ofSeconds(1);

    private final Supplier<Optional<BrokerLag>> lastLag;
    private final Runnable measure;
    private final BackpressureSettings settings;
    private final Clock clock;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "ordo-backpressure-figures");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    Backpressure(BrokerFigureCache figures, BackpressureSettings settings, Clock clock) {
        this(figures::lastLag, figures::refresh, settings, clock);
    }

    /**
     * @param lastLag the last measurement, at once
     * @param measure measures again; run on a background thread
     */
    Backpressure(Supplier<Optional<BrokerLag>> lastLag, Runnable measure, BackpressureSettings settings, Clock clock) {
        this.lastLag = lastLag;
        this.measure = measure;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Returns when new work may start now.
     *
     * @throws TooFarBehind naming the stage that lags, by how much, and its threshold
     */
    public void admitNewWork() {
        if (!settings.enabled()) {
            return;
        }
        Instant now = clock.instant();
        Optional<BrokerLag> lag = lastLag.get();
        if (lag.isEmpty() || !now.isBefore(lag.get().measuredAt().plus(REFRESH_AFTER))) {
            refreshInBackground();
        }
        lag.filter(measured -> !now.isAfter(measured.measuredAt().plus(settings.maxFigureAge())))
                .ifPresent(this::refuseIfBehind);
    }

    private void refuseIfBehind(BrokerLag lag) {
        refuse("engine", "commands and step reports", lag.engineLagEvents(), settings.engineLagEvents());
        refuse("projection", "events", lag.projectionLagEvents(), settings.projectionLagEvents());
    }

    private void refuse(String stage, String what, Long behind, long threshold) {
        if (behind != null && behind > threshold) {
            throw new TooFarBehind("The " + stage + " is behind: " + behind + " " + what + " wait for it (more than "
                    + threshold + "); try again in " + settings.retryAfterSeconds() + " s", settings.retryAfterSeconds());
        }
    }

    private void refreshInBackground() {
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        try {
            refresher.execute(() -> {
                try {
                    measure.run();
                } catch (RuntimeException e) {
                    log.warn("Could not measure the engine's and the projection's lag: {}", e.toString());
                } finally {
                    refreshing.set(false);
                }
            });
        } catch (RuntimeException rejected) {
            refreshing.set(false);
        }
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
