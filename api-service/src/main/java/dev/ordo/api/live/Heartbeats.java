package dev.ordo.api.live;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends a {@code heartbeat} message on every connection that has been sent nothing for
 * {@code ordo.live.heartbeat-interval} (default 30 s), so clients and proxies see it is alive.
 */
@Component
class Heartbeats implements SmartLifecycle {

    private final LiveConnections connections;
    private final Duration interval;
    private final Clock clock;
    private volatile ScheduledExecutorService timer;

    Heartbeats(LiveConnections connections, LiveSettings settings, Clock clock) {
        this.connections = connections;
        this.interval = settings.heartbeatInterval();
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        long tick = Math.max(20, Math.min(1_000, interval.toMillis() / 4));
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ordo-live-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::beat, tick, tick, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        long silence = interval.toNanos();
        for (LiveConnection connection : connections.all()) {
            if (connection.out().silentNanos() >= silence) {
                connection.sendRaw(LiveMessage.heartbeat(connection.workspace().id(), clock.instant()));
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
