package dev.ordo.contract.wire;

import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionCommand;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.StepReport;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.execution.TimerFired;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One fixed sample of every message type that crosses a process boundary, keyed by type name. */
final class WireSamples {

    static final UUID EXECUTION = UUID.fromString("6f1c2a9e-0000-4000-8000-000000000001");
    static final UUID WORKFLOW = UUID.fromString("6f1c2a9e-0000-4000-8000-000000000002");
    static final UUID WORKSPACE = UUID.fromString("6f1c2a9e-0000-4000-8000-000000000003");
    static final UUID PROJECT = UUID.fromString("6f1c2a9e-0000-4000-8000-000000000004");
    static final Instant AT = Instant.parse("2026-01-02T03:04:05.678Z");

    static final WorkflowSnapshot DEFINITION = new WorkflowSnapshot(3600, 3, Map.of(), List.of(
            new StepSpec("prepare", "task", 1, List.of(), 120, 1, null, Map.of("processing_type", "default")),
            new StepSpec("process", "task", 2, List.of("prepare"), 600, null, "${ready}",
                    Map.of("processing_type", "data_transformation"))));

    static final Map<String, Object> EVENTS = Map.ofEntries(
            Map.entry("ExecutionStarted", new ExecutionEvent.ExecutionStarted(WORKFLOW, 2, WORKSPACE, PROJECT,
                    DEFINITION, Map.of("input", Map.of("hello", "world")), null)),
            Map.entry("StepScheduled", new ExecutionEvent.StepScheduled("prepare", 1, Map.of("hello", "world"), null)),
            Map.entry("StepStarted", new ExecutionEvent.StepStarted("prepare", 1, "worker-7")),
            Map.entry("StepHeartbeatRecorded", new ExecutionEvent.StepHeartbeatRecorded("prepare", 1,
                    Map.of("rows_done", 120), AT)),
            Map.entry("StepSucceeded", new ExecutionEvent.StepSucceeded("prepare", 1, Map.of("rows", 3))),
            Map.entry("StepFailed", new ExecutionEvent.StepFailed("process", 2, "connection refused", true)),
            Map.entry("StepSkipped", new ExecutionEvent.StepSkipped("process", "condition was false")),
            Map.entry("ExecutionCompleted", new ExecutionEvent.ExecutionCompleted()),
            Map.entry("ExecutionFailed", new ExecutionEvent.ExecutionFailed("process", "Step 'process' failed")),
            Map.entry("ExecutionCancelled", new ExecutionEvent.ExecutionCancelled("cancelled on request")),
            Map.entry("StepTimedOut", new ExecutionEvent.StepTimedOut("process", 1, "attempt 1 timed out after 600s")),
            Map.entry("StepRetryScheduled", new ExecutionEvent.StepRetryScheduled("process", 2, AT, 1500)),
            Map.entry("DelayStarted", new ExecutionEvent.DelayStarted("wait", AT)),
            Map.entry("ExecutionTimedOut", new ExecutionEvent.ExecutionTimedOut("Execution exceeded its timeout of 3600s")),
            Map.entry("CommandRejected", new ExecutionEvent.CommandRejected("StepSucceededReport", "prepare", 1,
                    "Expected a report for step 'prepare' attempt 2, but it is for attempt 1")),
            Map.entry("ExecutionRejected", new ExecutionEvent.ExecutionRejected(WORKFLOW, 2, WORKSPACE, PROJECT,
                    "Expected step 'b' to depend on a step of the workflow, but 'x' is not one")),
            Map.entry("IncidentRecorded", new ExecutionEvent.IncidentRecorded("StepSucceededReport", "prepare",
                    "IllegalStateException: condition evaluation failed")),
            Map.entry("ExecutionRetried", new ExecutionEvent.ExecutionRetried(List.of("process"),
                    Map.of("process", Map.of("rows", 4)), AT, "retried on request after it failed")));

    static final Map<String, Object> COMMANDS = Map.of(
            "StartExecution", new ExecutionCommand.StartExecution(EXECUTION, WORKFLOW, 2, WORKSPACE, PROJECT,
                    DEFINITION, Map.of("input", Map.of("hello", "world")), AT),
            "CancelExecution", new ExecutionCommand.CancelExecution(EXECUTION, "user asked", AT),
            "RetryExecution", new ExecutionCommand.RetryExecution(EXECUTION, Map.of("process", Map.of("rows", 4)), AT));

    static final Map<String, Object> REPORTS = Map.of(
            "StepStartedReport", new StepReport.StepStartedReport(EXECUTION, "prepare", 1, "worker-7"),
            "StepSucceededReport", new StepReport.StepSucceededReport(EXECUTION, "prepare", 1, Map.of("rows", 3)),
            "StepFailedReport", new StepReport.StepFailedReport(EXECUTION, "prepare", 1, "timeout talking to db", false),
            "StepHeartbeatReport", new StepReport.StepHeartbeatReport(EXECUTION, "prepare", 1, "worker-7"));

    static final Map<String, Object> TIMERS = Map.of(
            "StepDeadlineReached", new TimerFired.StepDeadlineReached(EXECUTION, "prepare", 1, AT),
            "HeartbeatDeadlineReached", new TimerFired.HeartbeatDeadlineReached(EXECUTION, "prepare", 1, AT),
            "RetryDue", new TimerFired.RetryDue(EXECUTION, "prepare", 2, AT),
            "DelayElapsed", new TimerFired.DelayElapsed(EXECUTION, "wait", AT),
            "ExecutionDeadlineReached", new TimerFired.ExecutionDeadlineReached(EXECUTION, AT));

    static final Map<String, Object> OTHERS = Map.of(
            "ExecutionStartedWithDeadline", new ExecutionEvent.ExecutionStarted(WORKFLOW, 2, WORKSPACE, PROJECT,
                    DEFINITION, Map.of("input", Map.of("hello", "world")), AT),
            "ExecutionRetriedWithoutStepInputs", new ExecutionEvent.ExecutionRetried(List.of("prepare", "process"),
                    null, null, "retried on request after it timed out"),
            "RetryExecutionWithoutStepInputs", new ExecutionCommand.RetryExecution(EXECUTION, null, AT),
            "StepStartedWithHeartbeatDeadline", new ExecutionEvent.StepStarted("prepare", 1, "worker-7", AT),
            "StepHeartbeatReportWithProgress", new StepReport.StepHeartbeatReport(EXECUTION, "prepare", 1,
                    "worker-7", Map.of("rows_done", 120)),
            "WorkerAnnouncement", new WorkerAnnouncement("worker-7", List.of("de", "gpu"), 4, 2, AT),
            "StepScheduledWithDeadline", new ExecutionEvent.StepScheduled("prepare", 1, Map.of("hello", "world"), AT),
            "EventEnvelope", new EventEnvelope(EXECUTION, 7, AT, new ExecutionEvent.StepSucceeded("prepare", 1, Map.of("rows", 3))),
            "StepTask", new StepTask(EXECUTION, "prepare", "task", 1, Map.of("processing_type", "default"),
                    Map.of("hello", "world"), AT),
            "ReadModelUpdate", new ReadModelUpdate(EXECUTION, WORKFLOW, WORKSPACE, 8, "completed", List.of(
                    new ReadModelUpdate.AppliedEvent(7, "StepSucceeded", "prepare", AT),
                    new ReadModelUpdate.AppliedEvent(8, "ExecutionCompleted", null, AT.plusMillis(3)))));

    private WireSamples() {
    }
}
