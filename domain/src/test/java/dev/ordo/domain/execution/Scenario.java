package dev.ordo.domain.execution;

import dev.ordo.contract.execution.EngineInput;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.StepReport;
import dev.ordo.contract.execution.TimerFired;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionCommand.CancelExecution;
import dev.ordo.contract.execution.ExecutionCommand.RetryExecution;
import dev.ordo.contract.execution.ExecutionCommand.StartExecution;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRetried;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.contract.execution.StepReport.StepFailedReport;
import dev.ordo.contract.execution.StepReport.StepStartedReport;
import dev.ordo.contract.execution.StepReport.StepSucceededReport;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Given past events (or a stored state), when one input arrives, then the {@link Decider} records
 * these events, or ignores the input. Every recorded outcome is also checked against the fold of
 * its events, so no test can pass on a state the events do not explain.
 */
final class Scenario {

    static final UUID EXECUTION = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    static final UUID WORKFLOW = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    static final UUID WORKSPACE = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final ExecutionState state;
    private Decider decider = new Decider();
    private Instant clock = NOW;
    private Outcome outcome;

    private Scenario(ExecutionState state) {
        this.state = state;
    }

    static Scenario given(ExecutionEvent... history) {
        ExecutionState state = ExecutionState.unknown(EXECUTION);
        for (ExecutionEvent event : history) {
            state = state.evolve(event);
        }
        return new Scenario(state);
    }

    /** Given the state the engine stored, e.g. a finished execution's tombstone. */
    static Scenario givenStored(ExecutionState state) {
        return new Scenario(state);
    }

    /** Decide with these rules instead of the real ones, e.g. rules that throw. */
    Scenario decidedBy(Decider other) {
        decider = other;
        return this;
    }

    /** The test clock for the decision: {@code offset} after {@link #NOW}. */
    Scenario at(Duration offset) {
        clock = NOW.plus(offset);
        return this;
    }

    Scenario when(EngineInput input) {
        Instant now = clock;
        outcome = decider.decide(state, input, () -> now);
        return this;
    }

    Scenario whenUnreadable(String input, String error) {
        outcome = decider.unreadable(state, input, error);
        return this;
    }

    Outcome outcome() {
        return outcome;
    }

    /** The input is ignored: nothing recorded, nothing changed. */
    void thenNothing() {
        assertThat(outcome).as("outcome").isInstanceOf(Outcome.Ignored.class);
    }

    void thenIgnored(String reasonFragment) {
        assertThat(outcome).as("outcome").isInstanceOfSatisfying(Outcome.Ignored.class,
                ignored -> assertThat(ignored.reason()).contains(reasonFragment));
    }

    /** The events the decision recorded, for assertions on their parts; none when ignored. */
    List<ExecutionEvent> recorded() {
        return recordedOutcome().map(recorded -> recorded.events().stream().map(NumberedEvent::event).toList())
                .orElse(List.of());
    }

    ExecutionState stateBefore() {
        return state;
    }

    Outcome.Recorded then(ExecutionEvent... expected) {
        assertThat(outcome).as("outcome").isInstanceOf(Outcome.Recorded.class);
        assertThat(recorded()).containsExactly(expected);
        return (Outcome.Recorded) outcome;
    }

    Outcome.Recorded thenRejected(String reasonFragment) {
        List<ExecutionEvent> events = recorded();
        assertThat(events).as("outcome %s is one rejection", outcome).hasSize(1)
                .first().isInstanceOf(ExecutionEvent.CommandRejected.class);
        assertThat(((ExecutionEvent.CommandRejected) events.get(0)).reason()).contains(reasonFragment);
        return (Outcome.Recorded) outcome;
    }

    /** The state after the outcome, which must equal the fold of the recorded events. */
    ExecutionState stateAfter() {
        ExecutionState after = state;
        for (ExecutionEvent event : recorded()) {
            after = after.evolve(event);
        }
        ExecutionState folded = after;
        recordedOutcome().ifPresent(recorded -> assertThat(recorded.state()).isEqualTo(folded));
        return after;
    }

    private java.util.Optional<Outcome.Recorded> recordedOutcome() {
        return outcome instanceof Outcome.Recorded recorded ? java.util.Optional.of(recorded) : java.util.Optional.empty();
    }

    // --- the domain's words -------------------------------------------------------------------

    static StepSpec task(String name, String... dependsOn) {
        return new StepSpec(name, "task", 1, Arrays.asList(dependsOn), null, null, null, Map.of());
    }

    static StepSpec conditionStep(String name, String expression, String... dependsOn) {
        return new StepSpec(name, "condition", 1, Arrays.asList(dependsOn), null, null, expression, Map.of());
    }

    static StepSpec withRetries(StepSpec step, Integer maxRetries) {
        return new StepSpec(step.name(), step.stepType(), step.stepOrder(), step.dependsOn(), step.timeoutSeconds(),
                maxRetries, step.conditionExpression(), step.config());
    }

    static StepSpec withTimeout(StepSpec step, int seconds) {
        return new StepSpec(step.name(), step.stepType(), step.stepOrder(), step.dependsOn(), seconds,
                step.maxRetries(), step.conditionExpression(), step.config());
    }

    static StepSpec withCondition(StepSpec step, String expression) {
        return new StepSpec(step.name(), step.stepType(), step.stepOrder(), step.dependsOn(), step.timeoutSeconds(),
                step.maxRetries(), expression, step.config());
    }

    static StepSpec withConfig(StepSpec step, String key, Object value) {
        Map<String, Object> config = new java.util.LinkedHashMap<>(step.config());
        config.put(key, value);
        return new StepSpec(step.name(), step.stepType(), step.stepOrder(), step.dependsOn(), step.timeoutSeconds(),
                step.maxRetries(), step.conditionExpression(), config);
    }

    /** Retry backoff without jitter: 1 s, 2 s, 4 s ... */
    static final Map<String, Object> PLAIN_BACKOFF = Map.of("retry_policy",
            Map.of("initial_delay_ms", 1000, "multiplier", 2, "jitter", 0));

    static StepSpec structural(String type, String name, String... dependsOn) {
        return new StepSpec(name, type, 1, Arrays.asList(dependsOn), null, null, null, Map.of());
    }

    static WorkflowSnapshot workflow(StepSpec... steps) {
        return new WorkflowSnapshot(3600, 0, Map.of(), List.of(steps));
    }

    static WorkflowSnapshot workflow(int timeoutSeconds, int maxRetries, Map<String, Object> config, StepSpec... steps) {
        return new WorkflowSnapshot(timeoutSeconds, maxRetries, config, List.of(steps));
    }

    /** The instant {@code offset} after the scenario's start. */
    static Instant time(Duration offset) {
        return NOW.plus(offset);
    }

    static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    static StartExecution start(WorkflowSnapshot definition, Map<String, Object> inputs) {
        return new StartExecution(EXECUTION, WORKFLOW, 1, WORKSPACE, null, definition, inputs, NOW);
    }

    static ExecutionStarted started(WorkflowSnapshot definition, Map<String, Object> inputs) {
        return new ExecutionStarted(WORKFLOW, 1, WORKSPACE, null, definition, inputs,
                NOW.plusSeconds(definition.timeoutSeconds()));
    }

    static CancelExecution cancel() {
        return new CancelExecution(EXECUTION, "user asked", NOW);
    }

    /** A client asks to run the execution again from its failed, timed-out and cancelled steps. */
    static RetryExecution retry() {
        return new RetryExecution(EXECUTION, Map.of(), NOW);
    }

    /** A retry that gives these steps this input instead of the one they would get. */
    static RetryExecution retryWith(Map<String, Map<String, Object>> stepInputs) {
        return new RetryExecution(EXECUTION, stepInputs, NOW);
    }

    /**
     * The execution, which had {@code ended} ({@code "failed"} or {@code "timed out"}), runs again
     * from {@code steps} until {@code deadline}.
     */
    static ExecutionRetried retried(String ended, Instant deadline, Map<String, Map<String, Object>> stepInputs,
                                    String... steps) {
        return new ExecutionRetried(List.of(steps), stepInputs, deadline, "retried on request after it " + ended);
    }

    static StepScheduled scheduled(String step, int attempt, Map<String, Object> input) {
        return new StepScheduled(step, attempt, input, null);
    }

    static StepScheduled scheduled(String step, int attempt, Map<String, Object> input, Instant deadline) {
        return new StepScheduled(step, attempt, input, deadline);
    }

    static ExecutionEvent.StepFailed failed(String step, int attempt, String error, boolean retryable) {
        return new ExecutionEvent.StepFailed(step, attempt, error, retryable);
    }

    /** Attempt {@code attempt} will run {@code delay} after the decision taken at {@code decidedAt}. */
    static ExecutionEvent.StepRetryScheduled retryScheduled(String step, int attempt, Duration decidedAt, Duration delay) {
        return new ExecutionEvent.StepRetryScheduled(step, attempt, NOW.plus(decidedAt).plus(delay), delay.toMillis());
    }

    static ExecutionEvent.StepTimedOut timedOut(String step, int attempt, int afterSeconds) {
        return new ExecutionEvent.StepTimedOut(step, attempt, "attempt " + attempt + " timed out after " + afterSeconds + "s");
    }

    static StepStarted running(String step, int attempt) {
        return new StepStarted(step, attempt, "worker-1");
    }

    /** Attempt {@code attempt} runs, its heartbeat clock started at {@code heartbeatDeadline}. */
    static StepStarted running(String step, int attempt, Instant heartbeatDeadline) {
        return new StepStarted(step, attempt, "worker-1", heartbeatDeadline);
    }

    static ExecutionEvent.StepHeartbeatRecorded heartbeatRecorded(String step, int attempt,
                                                                 Map<String, Object> progress, Instant deadline) {
        return new ExecutionEvent.StepHeartbeatRecorded(step, attempt, progress, deadline);
    }

    static StepReport.StepHeartbeatReport heartbeatReported(String step, int attempt, Map<String, Object> progress) {
        return new StepReport.StepHeartbeatReport(EXECUTION, step, attempt, "worker-1", progress);
    }

    static TimerFired.HeartbeatDeadlineReached heartbeatDeadlineReached(String step, int attempt, Instant dueAt) {
        return new TimerFired.HeartbeatDeadlineReached(EXECUTION, step, attempt, dueAt);
    }

    static StepSucceeded succeeded(String step, int attempt, Map<String, Object> output) {
        return new StepSucceeded(step, attempt, output);
    }

    static StepStartedReport startReported(String step, int attempt) {
        return new StepStartedReport(EXECUTION, step, attempt, "worker-1");
    }

    static StepSucceededReport successReported(String step, int attempt, Map<String, Object> output) {
        return new StepSucceededReport(EXECUTION, step, attempt, output);
    }

    static StepFailedReport failureReported(String step, int attempt, String error) {
        return new StepFailedReport(EXECUTION, step, attempt, error, true);
    }

    static StepFailedReport terminalFailureReported(String step, int attempt, String error) {
        return new StepFailedReport(EXECUTION, step, attempt, error, false);
    }

    static StepReport.StepHeartbeatReport heartbeatReported(String step, int attempt) {
        return new StepReport.StepHeartbeatReport(EXECUTION, step, attempt, "worker-1");
    }

    static TimerFired.StepDeadlineReached deadlineReached(String step, int attempt, Instant dueAt) {
        return new TimerFired.StepDeadlineReached(EXECUTION, step, attempt, dueAt);
    }

    static TimerFired.RetryDue retryDue(String step, int attempt, Instant dueAt) {
        return new TimerFired.RetryDue(EXECUTION, step, attempt, dueAt);
    }

    static TimerFired.DelayElapsed delayElapsed(String step, Instant dueAt) {
        return new TimerFired.DelayElapsed(EXECUTION, step, dueAt);
    }

    static TimerFired.ExecutionDeadlineReached executionDeadlineReached(Instant dueAt) {
        return new TimerFired.ExecutionDeadlineReached(EXECUTION, dueAt);
    }
}
