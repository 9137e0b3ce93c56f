package dev.ordo.domain.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.EngineInput;
import dev.ordo.contract.execution.ExecutionCommand.RetryExecution;
import dev.ordo.contract.execution.ExecutionCommand.StartExecution;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.CommandRejected;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRetried;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionStarted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionTimedOut;
import dev.ordo.contract.execution.ExecutionEvent.StepTimedOut;
import dev.ordo.contract.execution.ExecutionEvent.StepFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepReport.StepHeartbeatReport;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.execution.TimerFired;
import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.contract.wire.RecordLimits;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Generated inputs: random DAGs with random conditions, delays, timeouts, retries and error
 * handling, run through the real {@link Decider} against workers whose outcomes are random
 * (including silence, heartbeats, late, duplicate and oversized reports), random cancels, repeated
 * starts, reports just after the workflow deadline while the timer tick lags, and retries of the
 * execution (with and without step inputs, refused ones, and some racing the run). Every log must
 * be one or more runs, each ended by exactly one terminal event, with only rejections and incidents
 * between a run's end and the retry that begins the next, and the last status change deciding the
 * status ({@link LogInvariants}); a gapless log whose fold is the decider's final state; every
 * record within {@link RecordLimits}; only timers and heartbeats ignored; and its tombstone must
 * reject whatever comes later, a retry too, with the next sequence.
 */
class RandomExecutionsTest {

    private static final long SEED = 20_260_101L;
    private static final int RUNS = 2_000;
    private static final String OUTPUT_TOO_LARGE = "output to be at most " + RecordLimits.MAX_STEP_OUTPUT_BYTES;
    private static final String INPUT_TOO_LARGE = "input to be at most " + RecordLimits.MAX_STEP_INPUT_BYTES;
    private static final String FENCED = "before the execution's deadline";

    @Test
    void every_run_of_every_random_execution_ends_exactly_once_and_its_log_folds_to_the_deciders_state() {
        Random random = new Random(SEED);
        Set<ExecutionStatus> endings = EnumSet.noneOf(ExecutionStatus.class);
        Set<String> reached = new java.util.HashSet<>();
        for (int run = 0; run < RUNS; run++) {
            WorkflowSnapshot definition = RandomWorkflows.next(random);
            SimulatedRun simulation = new SimulatedRun(random);
            ExecutionState finalState = simulation.run(definition);
            String context = "run " + run + " of seed " + SEED + ": " + definition;

            List<ExecutionEvent> log = simulation.log();
            int runs = LogInvariants.assertRunsEachEndExactlyOnce(log, finalState.status(), context);
            LogInvariants.assertRetriesRunAgainExactlyTheUnfinishedSteps(log, simulation.states(), context);
            LogInvariants.assertGivenInputsHold(log, context);
            LogInvariants.assertAttemptsNeverRepeat(log, context);
            LogInvariants.assertFinishedStepsStayFinished(log, context);
            LogInvariants.assertHeartbeatsBelongToTheAttemptInFlight(log, simulation.states(), context);
            assertThat(finalState.status().isTerminal()).as(context).isTrue();
            assertThat(finalState.steps().values()).as(context).allMatch(step -> step.status().isFinished());
            assertThat(Timers.pending(finalState)).as(context).isEmpty();
            assertThat(finalState.version()).as(context).isEqualTo(log.size());
            assertThat(refold(finalState, log)).as(context).isEqualTo(finalState);
            assertWithinRecordLimits(finalState.executionId(), log, simulation.tasks(), context);
            assertThat(simulation.ignored()).as(context).allMatch(RandomExecutionsTest::mayBeIgnored);
            assertTombstoneRejectsARedeliveredStart(finalState, log, context);
            endings.add(finalState.status());
            reached.addAll(features(log));
            if (runs > 1) {
                reached.add("a retried execution " + finalState.status().apiName());
            }
        }
        assertThat(endings).as("the generator reaches every ending").containsExactlyInAnyOrder(
                ExecutionStatus.COMPLETED, ExecutionStatus.FAILED, ExecutionStatus.CANCELLED, ExecutionStatus.TIMED_OUT);
        assertThat(reached).as("the generator reaches every fence and limit").containsExactlyInAnyOrder(
                "repeated start rejected", "report fenced by the workflow deadline", "output too large",
                "input too large", "retry after a failure", "retry after a timeout", "retry with a step input",
                "retry without step inputs", "a given input scheduled",
                "retry refused: not failed or timed out", "retry refused: step inputs", "retry racing the run",
                "a retried execution completed", "a retried execution failed", "a retried execution cancelled",
                "a retried execution timeout", "heartbeat recorded", "progress recorded", "silent attempt timed out");
    }

    /**
     * A finished execution reduced to its tombstone still rejects a redelivered start, with the next
     * sequence, and a retry, which needs the steps a tombstone no longer has.
     */
    private static void assertTombstoneRejectsARedeliveredStart(ExecutionState finalState, List<ExecutionEvent> log,
                                                              String context) {
        ExecutionStarted started = (ExecutionStarted) log.get(0);
        ExecutionState tombstone = ExecutionState.finished(finalState.executionId(), finalState.status(),
                finalState.version());
        StartExecution again = new StartExecution(finalState.executionId(), started.workflowId(),
                started.workflowVersion(), started.workspaceId(), started.projectId(), started.definition(),
                started.inputs(), Instant.EPOCH);
        Outcome outcome = new Decider().decide(tombstone, again, () -> Instant.EPOCH);
        assertThat(outcome).as(context).isInstanceOfSatisfying(Outcome.Recorded.class, recorded -> {
            assertThat(recorded.events()).hasSize(1);
            assertThat(recorded.events().get(0).sequence()).isEqualTo(log.size() + 1L);
            assertThat(recorded.events().get(0).event()).isInstanceOf(CommandRejected.class);
            assertThat(recorded.state().status()).isEqualTo(finalState.status());
        });
        Outcome retried = new Decider().decide(tombstone, new RetryExecution(finalState.executionId(), Map.of(),
                Instant.EPOCH), () -> Instant.EPOCH);
        assertThat(retried).as(context).isInstanceOfSatisfying(Outcome.Recorded.class, recorded ->
                assertThat(recorded.events()).extracting(NumberedEvent::event).singleElement()
                        .isInstanceOf(CommandRejected.class));
    }

    private static void assertWithinRecordLimits(UUID executionId, List<ExecutionEvent> log, List<StepTask> tasks,
                                                 String context) {
        for (int i = 0; i < log.size(); i++) {
            EventEnvelope envelope = new EventEnvelope(executionId, i + 1, Instant.EPOCH, log.get(i));
            assertThat(RecordLimits.encodedSize(envelope)).as(context).isLessThanOrEqualTo(RecordLimits.MAX_RECORD_BYTES);
        }
        for (StepTask task : tasks) {
            assertThat(RecordLimits.encodedSize(task)).as(context).isLessThanOrEqualTo(RecordLimits.MAX_TASK_BYTES);
        }
    }

    /** Only what has nothing to record may be ignored: timers that found nothing to do, accepted heartbeats. */
    private static boolean mayBeIgnored(EngineInput input) {
        return input instanceof TimerFired || input instanceof StepHeartbeatReport;
    }

    private static Set<String> features(List<ExecutionEvent> log) {
        Set<String> found = new java.util.HashSet<>();
        Map<String, Map<String, Object>> given = Map.of();
        for (int i = 0; i < log.size(); i++) {
            ExecutionEvent event = log.get(i);
            if (event instanceof ExecutionRetried retried) {
                given = retried.stepInputs();
            } else if (event instanceof StepScheduled scheduled && given.containsKey(scheduled.stepName())) {
                found.add("a given input scheduled");
            }
            if (event instanceof ExecutionEvent.StepHeartbeatRecorded beat) {
                found.add(beat.progress() == null ? "heartbeat recorded" : "progress recorded");
            } else if (event instanceof StepTimedOut timedOut && timedOut.error().contains("sent no heartbeat")) {
                found.add("silent attempt timed out");
            }
            if (event instanceof CommandRejected rejected && rejected.input().equals("StartExecution")
                    && rejected.reason().contains("to be new")) {
                found.add("repeated start rejected");
            } else if (event instanceof CommandRejected rejected && rejected.reason().contains(FENCED)
                    && log.get(i - 1) instanceof ExecutionTimedOut) {
                found.add("report fenced by the workflow deadline");
            } else if (event instanceof StepFailed failed && failed.error().contains(OUTPUT_TOO_LARGE)) {
                found.add("output too large");
            } else if (event instanceof StepFailed failed && failed.error().contains(INPUT_TOO_LARGE)) {
                found.add("input too large");
            } else if (event instanceof ExecutionRetried retried) {
                found.add(retried.reason().endsWith("timed out") ? "retry after a timeout" : "retry after a failure");
                found.add(retried.stepInputs().isEmpty() ? "retry without step inputs" : "retry with a step input");
            } else if (event instanceof CommandRejected rejected && rejected.input().equals("RetryExecution")) {
                found.add(rejected.reason().contains("step_inputs") ? "retry refused: step inputs"
                        : rejected.reason().contains("to be failed or timed out, but it is running")
                        ? "retry racing the run" : "retry refused: not failed or timed out");
            }
        }
        return found;
    }

    private static ExecutionState refold(ExecutionState finalState, List<ExecutionEvent> log) {
        ExecutionState state = ExecutionState.unknown(finalState.executionId());
        for (ExecutionEvent event : log) {
            state = state.evolve(event);
        }
        return state;
    }
}
