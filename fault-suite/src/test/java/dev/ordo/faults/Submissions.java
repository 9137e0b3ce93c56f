package dev.ordo.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A steady stream of executions at a fixed rate, round-robin over some workflows, each answer kept
 * with the phase it fell in (before, during or after a fault). Alongside, a reader asks for the status
 * of the latest accepted execution, to see how the read side answers during a fault. Each request
 * runs on its own thread, so a slow answer never slows the stream down.
 */
final class Submissions implements AutoCloseable {

    /**
     * One request and how it was answered, with the phase it was sent in and the phase its answer came
     * in; {@code executionId} is set for an accepted execution.
     */
    record Answer(String phase, String answeredIn, String route, int status, String executionId, String body) {

        boolean overlaps(String phaseSuffix) {
            return phase.endsWith(phaseSuffix) || answeredIn.endsWith(phaseSuffix);
        }
    }

    private final Http api;
    private final List<String> workflowIds;
    private final Supplier<String> phase;
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger next = new AtomicInteger();
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(1, daemon("ordo-load-clock"));
    private final java.util.concurrent.ExecutorService senders = Executors.newCachedThreadPool(daemon("ordo-load"));
    private volatile String latestAccepted;

    Submissions(Http api, List<String> workflowIds, Supplier<String> phase) {
        this.api = api;
        this.workflowIds = List.copyOf(workflowIds);
        this.phase = phase;
    }

    Submissions start(int perSecond) {
        long periodMicros = 1_000_000L / perSecond;
        clock.scheduleAtFixedRate(() -> senders.execute(this::submitOne), 0, periodMicros, TimeUnit.MICROSECONDS);
        clock.scheduleAtFixedRate(() -> senders.execute(this::readOne), 100, 500, TimeUnit.MILLISECONDS);
        return this;
    }

    private void submitOne() {
        String during = phase.get();
        String workflowId = workflowIds.get(Math.floorMod(next.getAndIncrement(), workflowIds.size()));
        Http.Response response = api.post("/api/workflows/" + workflowId + "/execute",
                Map.of("input_variables", Map.of("n", next.get())));
        String executionId = response.is(202) ? (String) response.json().get("execution_id") : null;
        if (executionId != null) {
            latestAccepted = executionId;
        }
        answers.add(new Answer(during, phase.get(), "execute", response.status(), executionId, response.body()));
    }

    private void readOne() {
        String executionId = latestAccepted;
        if (executionId != null) {
            String during = phase.get();
            Http.Response response = api.get("/api/workflows/executions/" + executionId + "/status");
            answers.add(new Answer(during, phase.get(), "status", response.status(), null, response.body()));
        }
    }

    /** Stops submitting and waits for the requests in flight to be answered. */
    @Override
    public void close() {
        clock.shutdownNow();
        senders.shutdown();
        try {
            if (!senders.awaitTermination(Http.REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Requests still unanswered past the client timeout");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<Answer> answers() {
        return new ArrayList<>(answers);
    }

    List<String> accepted() {
        return answers.stream().filter(answer -> answer.executionId() != null).map(Answer::executionId).toList();
    }

    /** {@code route phase -> status -> count}, for the report. */
    Map<String, Map<Integer, Integer>> statusCounts() {
        Map<String, Map<Integer, Integer>> counts = new TreeMap<>();
        for (Answer answer : answers) {
            counts.computeIfAbsent(answer.route() + " " + answer.phase(), key -> new TreeMap<>())
                    .merge(answer.status(), 1, Integer::sum);
        }
        return counts;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
