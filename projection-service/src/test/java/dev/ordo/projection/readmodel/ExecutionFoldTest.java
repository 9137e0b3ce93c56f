package dev.ordo.projection.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.DelayStarted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionStarted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionTimedOut;
import dev.ordo.contract.execution.ExecutionEvent.StepFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepHeartbeatRecorded;
import dev.ordo.contract.execution.ExecutionEvent.StepRetryScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.contract.execution.ExecutionEvent.StepTimedOut;
import dev.ordo.contract.wire.EventEnvelope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExecutionFoldTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final WorkflowSnapshot FLOW = new WorkflowSnapshot(60, 3, Map.of(), List.of(
            new StepSpec("flaky", "task", 1, List.of(), 5, null, null, Map.of()),
            new StepSpec("other", "task", 1, List.of(), null, null, null, Map.of()),
            new StepSpec("wait", "task", 1, List.of(), null, null, null, Map.of("processing_type", "delay")),
            new StepSpec("later", "task", 2, List.of("flaky"), null, null, null, Map.of())));

    final ExecutionView view = new ExecutionView(UUID.randomUUID());
    long sequence;

    void fold(long atMillis, ExecutionEvent... events) {
        for (ExecutionEvent event : events) {
            ExecutionFold.apply(view, new EventEnvelope(view.id, ++sequence, T0.plusMillis(atMillis), event));
        }
    }

    @Test
    void a_step_that_fails_then_times_out_then_succeeds_keeps_every_attempt_and_counts_two_retries() {
        fold(0, new ExecutionStarted(UUID.randomUUID(), 1, UUID.randomUUID(), null, FLOW, Map.of(), null),
                new StepScheduled("flaky", 1, Map.of(), T0.plusSeconds(5)));
        fold(10, new StepStarted("flaky", 1, "w1"));
        fold(20, new StepFailed("flaky", 1, "boom", true), new StepRetryScheduled("flaky", 2, T0.plusMillis(220), 200));
        StepView step = view.steps.get("flaky");
        assertThat(step.status).isEqualTo("retrying");
        assertThat(step.nextRetryAt).isEqualTo(T0.plusMillis(220));

        fold(220, new StepScheduled("flaky", 2, Map.of(), T0.plusMillis(5220)));
        fold(5220, new StepTimedOut("flaky", 2, "attempt 2 timed out after 5s"),
                new StepRetryScheduled("flaky", 3, T0.plusMillis(5620), 400));
        fold(5620, new StepScheduled("flaky", 3, Map.of(), T0.plusMillis(10620)));
        fold(5700, new StepStarted("flaky", 3, "w2"), new StepSucceeded("flaky", 3, Map.of("ok", true)));

        assertThat(step.status).isEqualTo("completed");
        assertThat(step.retryCount()).isEqualTo(2);
        assertThat(step.attempts.values()).extracting(a -> a.status).containsExactly("failed", "timeout", "completed");
        AttemptView first = step.attempts.get(1);
        assertThat(first.retryDueAt).isEqualTo(T0.plusMillis(220));
        assertThat(first.workerId).isEqualTo("w1");
        assertThat(step.attempts.get(2).scheduledAt).isEqualTo(T0.plusMillis(220));
        assertThat(step.attempts.get(3).completedAt).isEqualTo(T0.plusMillis(5700));
    }

    @Test
    void a_heartbeat_s_progress_shows_on_the_step_until_its_next_attempt_is_scheduled() {
        fold(0, new ExecutionStarted(UUID.randomUUID(), 1, UUID.randomUUID(), null, FLOW, Map.of(), null),
                new StepScheduled("flaky", 1, Map.of(), T0.plusSeconds(5)));
        fold(10, new StepStarted("flaky", 1, "w1"));
        fold(500, new StepHeartbeatRecorded("flaky", 1, Map.of("done", 40), T0.plusSeconds(3)));
        fold(900, new StepHeartbeatRecorded("flaky", 1, null, T0.plusSeconds(4)));
        StepView step = view.steps.get("flaky");
        assertThat(step.progress).isEqualTo(Map.of("done", 40));
        assertThat(step.updatedAt).isEqualTo(T0.plusMillis(900));

        fold(1000, new StepFailed("flaky", 1, "boom", true), new StepRetryScheduled("flaky", 2, T0.plusMillis(1200), 200));
        fold(1200, new StepScheduled("flaky", 2, Map.of(), T0.plusSeconds(6)));
        assertThat(step.progress).isNull();
    }

    @Test
    void the_workflow_timeout_times_out_steps_in_flight_and_cancels_the_rest() {
        fold(0, new ExecutionStarted(UUID.randomUUID(), 1, UUID.randomUUID(), null, FLOW, Map.of(), T0.plusSeconds(60)),
                new StepScheduled("flaky", 1, Map.of(), null), new StepScheduled("other", 1, Map.of(), null),
                new DelayStarted("wait", T0.plusSeconds(600)));
        fold(10, new StepStarted("flaky", 1, "w1"), new StepSucceeded("other", 1, Map.of()));
        fold(60_000, new ExecutionTimedOut("Execution exceeded its timeout of 60s"));

        assertThat(view.status).isEqualTo("timeout");
        assertThat(view.errorMessage).isEqualTo("Execution exceeded its timeout of 60s");
        assertThat(view.steps.get("flaky").status).isEqualTo("timeout");
        assertThat(view.steps.get("flaky").attempts.get(1).status).isEqualTo("timeout");
        assertThat(view.steps.get("other").status).isEqualTo("completed");
        assertThat(view.steps.get("wait").status).isEqualTo("timeout");
        assertThat(view.steps.get("later").status).isEqualTo("cancelled");
        assertThat(view.results.get("step_statuses")).isEqualTo(
                Map.of("flaky", "timeout", "other", "completed", "wait", "timeout", "later", "cancelled"));
    }

    @Test
    void a_cancel_while_a_retry_is_pending_cancels_the_retrying_step() {
        fold(0, new ExecutionStarted(UUID.randomUUID(), 1, UUID.randomUUID(), null, FLOW, Map.of(), null),
                new StepScheduled("flaky", 1, Map.of(), null));
        fold(20, new StepFailed("flaky", 1, "boom", true), new StepRetryScheduled("flaky", 2, T0.plusSeconds(1), 980));
        fold(30, new ExecutionEvent.ExecutionCancelled("user asked"));

        assertThat(view.status).isEqualTo("cancelled");
        assertThat(view.steps.get("flaky").status).isEqualTo("cancelled");
        assertThat(view.steps.get("flaky").nextRetryAt).isNull();
        assertThat(view.steps.get("flaky").attempts.get(1).status).isEqualTo("failed");
    }

    @Test
    void an_incident_and_the_failure_it_caused_both_show_in_the_error_details() {
        fold(0, new ExecutionStarted(UUID.randomUUID(), 1, UUID.randomUUID(), null, FLOW, Map.of(), null),
                new StepScheduled("flaky", 1, Map.of(), null));
        fold(10, new ExecutionEvent.IncidentRecorded("StepSucceededReport", "flaky", "template blew up"),
                new ExecutionEvent.ExecutionFailed("flaky", "The engine failed on flaky: template blew up"));
        fold(20, new ExecutionEvent.IncidentRecorded("StepFailedReport", null, "a later one"));

        assertThat(view.status).isEqualTo("failed");
        assertThat(view.errorMessage).isEqualTo("The engine failed on flaky: template blew up");
        assertThat(view.errorDetails).isEqualTo(Map.of("failed_step", "flaky", "incident",
                Map.of("input", "StepSucceededReport", "step_name", "flaky", "error", "template blew up")));
        assertThat(view.lastSequence).isEqualTo(5);
    }

    @Test
    void a_refused_start_reads_failed_with_its_reason_and_no_definition() {
        UUID workflow = UUID.randomUUID();
        fold(0, new ExecutionEvent.ExecutionRejected(workflow, 3, UUID.randomUUID(), null, "Workflow has no steps"));

        assertThat(view.status).isEqualTo("failed");
        assertThat(view.errorMessage).isEqualTo("Workflow has no steps");
        assertThat(view.errorDetails).isEqualTo(Map.of("rejected", Map.of("reason", "Workflow has no steps")));
        assertThat(view.workflowId).isEqualTo(workflow);
        assertThat(view.workflowVersion).isEqualTo(3);
        assertThat(view.definition).isNull();
        assertThat(view.startedAt).isNull();
        assertThat(view.completedAt).isEqualTo(T0);
    }
}
