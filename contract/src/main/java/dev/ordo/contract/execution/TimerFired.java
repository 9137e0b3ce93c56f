package dev.ordo.contract.execution;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;

/**
 * A durable timer of one execution that came due. The engine derives the timers an execution
 * needs from its state (the domain's {@code Timers.pending}), keeps them in its timer store, and feeds each due
 * one back through the decider like any other input. A timer that no longer
 * matches the state (its attempt already ended) is moot and records nothing.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TimerFired.StepDeadlineReached.class, name = "StepDeadlineReached"),
    @JsonSubTypes.Type(value = TimerFired.HeartbeatDeadlineReached.class, name = "HeartbeatDeadlineReached"),
    @JsonSubTypes.Type(value = TimerFired.RetryDue.class, name = "RetryDue"),
    @JsonSubTypes.Type(value = TimerFired.DelayElapsed.class, name = "DelayElapsed"),
    @JsonSubTypes.Type(value = TimerFired.ExecutionDeadlineReached.class, name = "ExecutionDeadlineReached")
})
public sealed interface TimerFired extends EngineInput {

    /** When the timer is due; it fires at or after this instant. */
    Instant dueAt();

    /** Attempt {@code attempt} of a step ran out of its {@code timeout_seconds}. */
    record StepDeadlineReached(UUID executionId, String stepName, int attempt, Instant dueAt) implements TimerFired {
    }

    /**
     * Running attempt {@code attempt} of a step sent no heartbeat within its
     * {@code heartbeat_timeout_seconds}; moot when a later heartbeat moved the deadline past {@code dueAt}.
     */
    record HeartbeatDeadlineReached(UUID executionId, String stepName, int attempt, Instant dueAt)
            implements TimerFired {
    }

    /** The backoff before attempt {@code attempt} of a step is over. */
    record RetryDue(UUID executionId, String stepName, int attempt, Instant dueAt) implements TimerFired {
    }

    /** A {@code delay} step has waited long enough. */
    record DelayElapsed(UUID executionId, String stepName, Instant dueAt) implements TimerFired {
    }

    /** The execution ran out of the workflow's {@code timeout_seconds}. */
    record ExecutionDeadlineReached(UUID executionId, Instant dueAt) implements TimerFired {
    }
}
