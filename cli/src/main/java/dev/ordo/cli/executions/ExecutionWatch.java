package dev.ordo.cli.executions;

import dev.ordo.cli.Api;
import dev.ordo.cli.CliFailure;
import dev.ordo.cli.Output;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Follows one execution until it ends, printing each event once, in sequence order. It listens on
 * the execution's WebSocket ({@code /ws/workflows/executions/{id}}, resuming with {@code since}
 * after a drop); when the socket cannot be opened it reads the event history route instead, every
 * {@link #POLL_INTERVAL}. Either way the end is taken from the status route, so the answer is the
 * one REST gives.
 *
 * <p>A watch may start from a floor: the last sequence recorded before the command it follows (a
 * retry of a failed execution). The execution then counts as ended only once an ending event past
 * the floor was seen, since until the engine takes the retry, REST still reads the old end.
 */
public final class ExecutionWatch {

    static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled", "timeout");
    /** Event types, of the history route and of the live streams, that end a run or refuse the command. */
    private static final Set<String> ENDINGS = Set.of("ExecutionCompleted", "ExecutionFailed", "ExecutionCancelled",
            "ExecutionTimedOut", "ExecutionRejected", "CommandRejected", "workflow_completed", "workflow_failed",
            "workflow_cancelled", "workflow_timeout");
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final int SOCKET_ATTEMPTS = 3;

    private final Api api;
    private final Output out;
    private final String executionId;
    private final long floor;
    private long lastSequence;
    private boolean endingSeen;

    /** A watch of a new execution: every event is shown, and any end counts. */
    public ExecutionWatch(Api api, Output out, String executionId) {
        this(api, out, executionId, 0);
    }

    /** A watch of what follows event {@code floor}: only later events are shown, and only a later end counts. */
    public ExecutionWatch(Api api, Output out, String executionId, long floor) {
        this.api = api;
        this.out = out;
        this.executionId = executionId;
        this.floor = floor;
        this.lastSequence = floor;
    }

    public String executionId() {
        return executionId;
    }

    /** The last recorded sequence of an execution: the floor for a watch of a command about to be sent. */
    public static long lastRecordedSequence(Api api, String executionId) {
        return EventHistory.forEachAfter(api, executionId, 0, event -> { });
    }

    /** Blocks until the execution ends; returns its {@code /status} answer. */
    public JsonNode untilFinished() {
        int socketFailures = 0;
        while (true) {
            JsonNode status = statusIfFinished();
            if (status != null) {
                return status;
            }
            if (socketFailures < SOCKET_ATTEMPTS) {
                LiveSocket.Ending ending = followSocket();
                if (ending == LiveSocket.Ending.FINISHED) {
                    continue;
                }
                socketFailures += ending == LiveSocket.Ending.REFUSED ? SOCKET_ATTEMPTS : 1;
            } else {
                printHistory();
                pause();
            }
        }
    }

    private LiveSocket.Ending followSocket() {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("since", lastSequence);
        try (LiveSocket socket = LiveSocket.open(api, "/ws/workflows/executions/" + executionId, query)) {
            while (true) {
                LiveSocket.Message message = socket.next(Duration.ofSeconds(40));
                if (message.ending() != null) {
                    return message.ending();
                }
                if (message.body() != null && show(message.body())) {
                    return LiveSocket.Ending.FINISHED;
                }
            }
        }
    }

    /** Prints one socket message; true when it says the execution ended. */
    private boolean show(JsonNode message) {
        String type = message.path("event_type").asString();
        if ("heartbeat".equals(type) || "error".equals(type)) {
            return false;
        }
        if ("execution_state".equals(type)) {
            return false;
        }
        long sequence = message.path("sequence").asLong(0);
        if (sequence <= lastSequence) {
            return false;
        }
        lastSequence = sequence;
        print(sequence, type, stepOf(message), message.path("message").asString(""));
        return endingSeen;
    }

    private void printHistory() {
        lastSequence = EventHistory.forEachAfter(api, executionId, lastSequence, event -> print(
                event.path("sequence").asLong(), event.path("type").asString(), event.path("data").path("step_name").asString(""), ""));
    }

    private JsonNode statusIfFinished() {
        JsonNode status = api.get("/api/workflows/executions/" + executionId + "/status", Map.of());
        if (!TERMINAL.contains(status.path("status").asString())) {
            return null;
        }
        printHistory();
        return floor == 0 || endingSeen ? status : null;
    }

    private void print(long sequence, String type, String step, String message) {
        if (ENDINGS.contains(type)) {
            endingSeen = true;
        }
        if (out.json()) {
            return;
        }
        StringBuilder line = new StringBuilder(String.format("  #%-4d %-20s", sequence, type));
        if (!step.isEmpty()) {
            line.append(' ').append(step);
        }
        if (!message.isEmpty()) {
            line.append("  ").append(message);
        }
        out.line(line.toString().stripTrailing());
    }

    private static String stepOf(JsonNode message) {
        JsonNode data = message.path("data");
        for (String field : new String[] {"step_name", "workflow_step_name"}) {
            if (data.path(field).isString()) {
                return data.path(field).asString();
            }
        }
        return "";
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(dev.ordo.cli.ExitCode.UNAVAILABLE, "interrupted while watching");
        }
    }
}
