package dev.ordo.engine;

import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionStarted;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepStatus;
import dev.ordo.contract.execution.TimerFired;
import dev.ordo.domain.execution.ExecutionState;
import dev.ordo.domain.execution.StepState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One fixed sample of every value the engine keeps in its stores. */
final class StoredSamples {

    static final UUID EXECUTION = UUID.fromString("6f1c2a9e-0000-4000-8000-000000000001");
    static final UUID WORKFLOW = UUID.fromString("6f1c2a9e-0000-4000-8000-000000000002");
    static final UUID WORKSPACE = UUID.fromString("6f1c2a9e-0000-4000-8000-000000000003");
    static final Instant AT = Instant.parse("2026-01-02T03:04:05.678Z");

    static final ExecutionStarted START = new ExecutionStarted(WORKFLOW, 2, WORKSPACE, null,
            new WorkflowSnapshot(3600, 1, Map.of(), List.of(
                    new StepSpec("prepare", "task", 1, List.of(), 120, null, null, Map.of("processing_type", "default")),
                    new StepSpec("process", "task", 2, List.of("prepare"), null, null, null,
                            Map.of("processing_type", "default")))),
            Map.of("customer", "c-1"), AT.plusSeconds(3600));

    static final SpilledOutput SPILLED_OUTPUT = new SpilledOutput(Map.of("rows", List.of(1, 2, 3)), null);

    static final Tombstone TOMBSTONE = new Tombstone(ExecutionStatus.COMPLETED, 7);

    /** The whole state the samples below take apart: 'prepare' completed (its output kept apart), 'process' running. */
    static ExecutionState wholeState() {
        Map<String, StepState> steps = new LinkedHashMap<>();
        steps.put("prepare", new StepState(StepStatus.COMPLETED, 1, SPILLED_OUTPUT.output(), null, null, null, null));
        steps.put("process", new StepState(StepStatus.RUNNING, 1, null, null, AT.plusSeconds(60), null, null));
        return new ExecutionState(EXECUTION, ExecutionStatus.RUNNING, 5, START, steps, null);
    }

    static StoredExecution storedExecution() {
        Map<String, StepState> steps = new LinkedHashMap<>(wholeState().steps());
        steps.put("prepare", new StepState(StepStatus.COMPLETED, 1, null, null, null, null, null));
        return new StoredExecution(new ExecutionState(EXECUTION, ExecutionStatus.RUNNING, 5, null, steps, null),
                List.of("prepare"));
    }

    static final Map<String, TimerFired> TIMERS = Map.of(
            "StepDeadlineReached", new TimerFired.StepDeadlineReached(EXECUTION, "process", 1, AT),
            "RetryDue", new TimerFired.RetryDue(EXECUTION, "process", 2, AT),
            "DelayElapsed", new TimerFired.DelayElapsed(EXECUTION, "wait", AT),
            "ExecutionDeadlineReached", new TimerFired.ExecutionDeadlineReached(EXECUTION, AT));

    private StoredSamples() {
    }
}
