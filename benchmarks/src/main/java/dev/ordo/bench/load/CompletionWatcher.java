package dev.ordo.bench.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread that checks every in-flight execution each poll interval, either through the status
 * route (one GET per execution per tick) or through the read model (one query per tick), and
 * completes the execution's future when it reads {@code completed} (exceptionally on another final
 * status).
 */
public final class CompletionWatcher implements AutoCloseable {

    private static final Set<String> FINAL = Set.of("completed", "failed", "cancelled", "timeout");

    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
    private final Api api;
    private final Connection readModel;
    private final long pollNanos;
    private final Thread thread;
    private volatile boolean running = true;

    /** @param readModel null to watch through the status route */
    public CompletionWatcher(Api api, Connection readModel, long pollMillis) {
        this.api = api;
        this.readModel = readModel;
        this.pollNanos = TimeUnit.MILLISECONDS.toNanos(pollMillis);
        this.thread = new Thread(this::loop, "completion-watcher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public CompletableFuture<Void> completion(String executionId) {
        return waiting.computeIfAbsent(executionId, id -> new CompletableFuture<>());
    }

    private void loop() {
        while (running) {
            if (!waiting.isEmpty()) {
                try {
                    if (readModel != null) {
                        pollReadModel(new ArrayList<>(waiting.keySet()));
                    } else {
                        pollStatusRoute(new ArrayList<>(waiting.keySet()));
                    }
                } catch (Exception e) {
                    System.err.println("completion watcher: " + e);
                }
            }
            LockSupport.parkNanos(pollNanos);
        }
    }

    private void pollReadModel(List<String> ids) throws Exception {
        try (PreparedStatement query = readModel.prepareStatement("SELECT id::text, status FROM readmodel.executions"
                + " WHERE id = ANY(?::uuid[]) AND status IN ('completed','failed','cancelled','timeout')")) {
            query.setArray(1, readModel.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    finish(rows.getString(1), rows.getString(2));
                }
            }
        }
    }

    private void pollStatusRoute(List<String> ids) {
        List<CompletableFuture<?>> polls = new ArrayList<>(ids.size());
        for (String id : ids) {
            polls.add(api.status(id).thenAccept(status -> {
                if (FINAL.contains(status)) {
                    finish(id, status);
                }
            }).exceptionally(e -> null));
        }
        CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).join();
    }

    private void finish(String id, String status) {
        CompletableFuture<Void> future = waiting.remove(id);
        if (future == null) {
            return;
        }
        if ("completed".equals(status)) {
            future.complete(null);
        } else {
            future.completeExceptionally(new IllegalStateException("execution ended " + status));
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(1000);
    }
}
