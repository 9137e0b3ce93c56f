package dev.ordo.contract.execution;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;
import java.util.UUID;

/**
 * What a worker says about one attempt of one step, carried on {@code workflow.step-reports}.
 * A report is a claim, not a fact: the engine rejects it when it is for another attempt, or the
 * step or execution has moved on.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = StepReport.StepStartedReport.class, name = "StepStartedReport"),
    @JsonSubTypes.Type(value = StepReport.StepSucceededReport.class, name = "StepSucceededReport"),
    @JsonSubTypes.Type(value = StepReport.StepFailedReport.class, name = "StepFailedReport"),
    @JsonSubTypes.Type(value = StepReport.StepHeartbeatReport.class, name = "StepHeartbeatReport")
})
public sealed interface StepReport extends EngineInput {

    String stepName();

    int attempt();

    record StepStartedReport(UUID executionId, String stepName, int attempt, String workerId) implements StepReport {
    }

    record StepSucceededReport(UUID executionId, String stepName, int attempt, Map<String, Object> output)
            implements StepReport {

        public StepSucceededReport {
            output = output == null ? Map.of() : output;
        }
    }

    /** @param retryable false when the handler knows another attempt cannot succeed */
    record StepFailedReport(UUID executionId, String stepName, int attempt, String error, boolean retryable)
            implements StepReport {
    }

    /**
     * The worker is still on this attempt. A running attempt whose step has a
     * {@code heartbeat_timeout_seconds} must send one at least every third of it, or the engine times
     * the attempt out. An accepted heartbeat records a {@code StepHeartbeatRecorded} only when it moves
     * the heartbeat deadline by more than half the timeout or brings new progress; one for an attempt
     * that is no longer in flight is rejected, so the log shows the worker ran past its attempt.
     *
     * @param progress what the handler said about how far it got, or null for nothing new; absent in
     *     reports sent before progress existed
     */
    record StepHeartbeatReport(UUID executionId, String stepName, int attempt, String workerId,
                               Map<String, Object> progress) implements StepReport {

        public StepHeartbeatReport(UUID executionId, String stepName, int attempt, String workerId) {
            this(executionId, stepName, attempt, workerId, null);
        }
    }
}
