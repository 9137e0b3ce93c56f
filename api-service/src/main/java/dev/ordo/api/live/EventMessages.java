package dev.ordo.api.live;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Maps an engine event, as the read model stored it, to its live message. The protocol's event
 * types name what a dashboard shows; engine events with no counterpart ({@code StepScheduled},
 * {@code StepHeartbeatRecorded}, {@code CommandRejected}, {@code IncidentRecorded}) are carried as
 * {@code execution_updated}, so the sequence stays gapless. {@code data} is the event itself, its
 * engine {@code type} included, so a client can tell e.g. a retried run from the first start.
 */
final class EventMessages {

    static final String UPDATED = "execution_updated";

    private static final Map<String, String> TYPES = new HashMap<>();

    static {
        TYPES.put("ExecutionStarted", "workflow_started");
        TYPES.put("ExecutionRetried", "workflow_started");
        TYPES.put("StepStarted", "step_started");
        TYPES.put("DelayStarted", "step_started");
        TYPES.put("StepSucceeded", "step_completed");
        TYPES.put("StepFailed", "step_failed");
        TYPES.put("StepTimedOut", "step_failed");
        TYPES.put("StepRetryScheduled", "step_retrying");
        TYPES.put("StepSkipped", "step_skipped");
        TYPES.put("ExecutionCompleted", "workflow_completed");
        TYPES.put("ExecutionFailed", "workflow_failed");
        TYPES.put("ExecutionRejected", "workflow_failed");
        TYPES.put("ExecutionCancelled", "workflow_cancelled");
        TYPES.put("ExecutionTimedOut", "workflow_timeout");
    }

    private EventMessages() {
    }

    static String eventType(String engineType) {
        return TYPES.getOrDefault(engineType, UPDATED);
    }

    /** @param stepIds the step ids of the execution's workflow version, by step name */
    static LiveMessage of(ExecutionScope scope, LiveEvents.LiveEvent event, Map<String, UUID> stepIds) {
        String step = text(event.data().get("step_name"));
        if (step == null) {
            step = text(event.data().get("failed_step"));
        }
        UUID stepId = step == null ? null : stepIds.get(step);
        return new LiveMessage(eventType(event.type()), event.occurredAt(), scope.workspaceId(), scope.workflowId(),
                scope.executionId(), stepId, event.sequence(), event.data(), describe(event, step));
    }

    /** The frames of {@code events}, each serialised once. */
    static List<Frame> frames(ExecutionScope scope, List<LiveEvents.LiveEvent> events, Map<String, UUID> stepIds) {
        return events.stream().map(event -> Frame.of(of(scope, event, stepIds))).toList();
    }

    private static String describe(LiveEvents.LiveEvent event, String step) {
        Map<String, Object> data = event.data();
        String error = text(data.get("error"));
        String about = step == null ? "Execution" : "Step " + step;
        return switch (event.type()) {
            case "ExecutionStarted" -> "Execution started";
            case "ExecutionRetried" -> "Execution runs again: " + text(data.get("reason"));
            case "StepScheduled" -> about + " scheduled, attempt " + data.get("attempt");
            case "StepStarted" -> about + " started, attempt " + data.get("attempt");
            case "DelayStarted" -> about + " waits until " + data.get("until");
            case "StepHeartbeatRecorded" -> about + " reported progress";
            case "StepSucceeded" -> about + " completed";
            case "StepFailed" -> about + " failed: " + error;
            case "StepTimedOut" -> about + " timed out: " + error;
            case "StepRetryScheduled" -> about + " retries, attempt " + data.get("attempt") + " in "
                    + data.get("delay_millis") + " ms";
            case "StepSkipped" -> about + " skipped: " + text(data.get("reason"));
            case "ExecutionCompleted" -> "Execution completed";
            case "ExecutionFailed" -> "Execution failed: " + error;
            case "ExecutionRejected" -> "Execution refused: " + text(data.get("reason"));
            case "ExecutionCancelled" -> "Execution cancelled: " + text(data.get("reason"));
            case "ExecutionTimedOut" -> "Execution timed out: " + text(data.get("reason"));
            case "CommandRejected" -> "Refused " + text(data.get("input")) + ": " + text(data.get("reason"));
            case "IncidentRecorded" -> "Engine incident: " + error;
            default -> event.type();
        };
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
