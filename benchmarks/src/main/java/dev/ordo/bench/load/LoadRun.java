package dev.ordo.bench.load;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives executions: closed loop (at most {@code inFlight} unfinished) or fixed rate (open loop,
 * latency measured from each execution's scheduled send time, so a stalled system is not hidden by
 * the generator waiting for it). Latency runs from the execute call until the watcher sees
 * {@code completed}.
 */
public final class LoadRun {

    /** What one run measured; latencies in microseconds. */
    public record Result(int submitted, int completed, int errors, long spanNanos, Histogram latency,
                         Histogram latencyFromActualSend, List<String> executionIds) {
        public double completedPerSecond() {
            return completed / (spanNanos / 1e9);
        }
    }

    private final Api api;
    private final CompletionWatcher watcher;
    private final List<String> workflowIds;
    private final java.util.Queue<String> ids = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicLong lastDone = new AtomicLong();
    private final Recorder latency = new Recorder(3);
    private final Recorder fromActualSend = new Recorder(3);

    public LoadRun(Api api, CompletionWatcher watcher, List<String> workflowIds) {
        this.api = api;
        this.watcher = watcher;
        this.workflowIds = workflowIds;
    }

    public Result closedLoop(int executions, int inFlight) throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        long begin = System.nanoTime();
        CompletableFuture<?>[] all = new CompletableFuture<?>[executions];
        for (int i = 0; i < executions; i++) {
            slots.acquire();
            long start = System.nanoTime();
            all[i] = one(i, start, start).whenComplete((ok, e) -> slots.release());
        }
        CompletableFuture.allOf(all).exceptionally(e -> null).join();
        return result(executions, begin);
    }

    public Result fixedRate(int perSecond, int seconds) {
        int executions = perSecond * seconds;
        long gap = 1_000_000_000L / perSecond;
        long begin = System.nanoTime() + 50_000_000L;
        CompletableFuture<?>[] all = new CompletableFuture<?>[executions];
        for (int i = 0; i < executions; i++) {
            long due = begin + i * gap;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            all[i] = one(i, due, System.nanoTime());
        }
        CompletableFuture.allOf(all).exceptionally(e -> null).join();
        return result(executions, begin);
    }

    private CompletableFuture<Void> one(int i, long scheduled, long sent) {
        String input = "{\"id\": \"bench-" + i + "\", \"seq\": 0, \"pad\": \"" + "x".repeat(60) + "\"}";
        return api.execute(workflowIds.get(i % workflowIds.size()), input)
                .thenCompose(id -> {
                    ids.add(id);
                    return watcher.completion(id);
                })
                .whenComplete((ok, e) -> {
                    long now = System.nanoTime();
                    if (e != null) {
                        if (errors.incrementAndGet() <= 5) {
                            System.err.println("execution " + i + ": " + e.getMessage());
                        }
                        return;
                    }
                    latency.recordValue((now - scheduled) / 1000);
                    fromActualSend.recordValue((now - sent) / 1000);
                    completed.incrementAndGet();
                    lastDone.accumulateAndGet(now, Math::max);
                });
    }

    private Result result(int submitted, long begin) {
        return new Result(submitted, completed.get(), errors.get(), lastDone.get() - begin,
                latency.getIntervalHistogram(), fromActualSend.getIntervalHistogram(), List.copyOf(ids));
    }
}
