package dev.ordo.domain.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.CommandRejected;
import dev.ordo.contract.execution.ExecutionEvent.DelayStarted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCancelled;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRejected;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRetried;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionStarted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionTimedOut;
import dev.ordo.contract.execution.ExecutionEvent.IncidentRecorded;
import dev.ordo.contract.execution.ExecutionEvent.StepFailed;
import dev.ordo.contract.execution.ExecutionEvent.StepRetryScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.contract.execution.ExecutionEvent.StepSkipped;
import dev.ordo.contract.execution.ExecutionEvent.StepStarted;
import dev.ordo.contract.execution.ExecutionEvent.StepSucceeded;
import dev.ordo.contract.execution.ExecutionEvent.StepTimedOut;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepStatus;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What must hold of every execution's log, however it ran, retries included. Each check names the
 * rule it guards.
 */
final class LogInvariants {

    private LogInvariants() {
    }

    /**
     * The log is one or more runs: the first begins with {@code ExecutionStarted}, each later one
     * with an {@code ExecutionRetried} of a failed or timed-out execution; each run ends with
     * exactly one terminal event; between a run's end and the next run only rejections and
     * incidents are recorded; the last event that changes the status decides the final status.
     *
     * @return how many runs the log holds
     */
    static int assertRunsEachEndExactlyOnce(List<ExecutionEvent> log, ExecutionStatus finalStatus, String context) {
        int runs = 0;
        boolean open = false;
        ExecutionStatus status = ExecutionStatus.UNKNOWN;
        for (int i = 0; i < log.size(); i++) {
            ExecutionEvent event = log.get(i);
            String at = context + ", event " + (i + 1) + " " + event;
            if (event instanceof ExecutionStarted) {
                assertThat(i).as("a start begins the log: %s", at).isZero();
                runs++;
                open = true;
                status = ExecutionStatus.RUNNING;
            } else if (event instanceof ExecutionRetried) {
                assertThat(open).as("a retry follows the end of a run: %s", at).isFalse();
                assertThat(status.isRetryable()).as("a retry reopens a failed or timed-out run: %s", at).isTrue();
                runs++;
                open = true;
                status = ExecutionStatus.RUNNING;
            } else if (event.isTerminal()) {
                assertThat(open || i == 0).as("one terminal event per run: %s", at).isTrue();
                open = false;
                status = endedAs(event);
            } else if (!open) {
                assertThat(event).as("between runs only rejections and incidents: %s", at)
                        .isInstanceOfAny(CommandRejected.class, IncidentRecorded.class);
            }
        }
        assertThat(open).as("the last run ended: %s", context).isFalse();
        assertThat(finalStatus).as("the last status change decides the status: %s", context).isEqualTo(status);
        return runs;
    }

    /**
     * A retry runs again exactly the steps that failed, timed out or were cancelled, as they stood
     * just before it; {@code states.get(n - 1)} is the state after event {@code n}.
     */
    static void assertRetriesRunAgainExactlyTheUnfinishedSteps(List<ExecutionEvent> log, List<ExecutionState> states,
                                                               String context) {
        for (int i = 1; i < log.size(); i++) {
            if (log.get(i) instanceof ExecutionRetried retried) {
                List<String> expected = states.get(i - 1).steps().entrySet().stream()
                        .filter(entry -> entry.getValue().status().isFailure()
                                || entry.getValue().status() == StepStatus.CANCELLED)
                        .map(Map.Entry::getKey).toList();
                assertThat(retried.steps()).as("%s, event %d", context, i + 1).isEqualTo(expected);
            }
        }
    }

    /** A step given an input by a retry is scheduled with exactly that input for the rest of that run. */
    static void assertGivenInputsHold(List<ExecutionEvent> log, String context) {
        Map<String, Map<String, Object>> given = Map.of();
        for (int i = 0; i < log.size(); i++) {
            ExecutionEvent event = log.get(i);
            if (event instanceof ExecutionRetried retried) {
                given = retried.stepInputs();
            } else if (event instanceof StepScheduled scheduled && given.containsKey(scheduled.stepName())) {
                assertThat(scheduled.input()).as("%s, event %d", context, i + 1).isEqualTo(given.get(scheduled.stepName()));
            }
        }
    }

    /** Attempt numbers of a step only grow, across runs too, so no two attempts share a number. */
    static void assertAttemptsNeverRepeat(List<ExecutionEvent> log, String context) {
        Map<String, Integer> last = new HashMap<>();
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i) instanceof StepScheduled scheduled) {
                int before = last.getOrDefault(scheduled.stepName(), 0);
                assertThat(scheduled.attempt()).as("%s, event %d", context, i + 1).isGreaterThan(before);
                last.put(scheduled.stepName(), scheduled.attempt());
            }
        }
    }

    /** A completed or skipped step is never touched again, by any run: completed steps are not run again. */
    static void assertFinishedStepsStayFinished(List<ExecutionEvent> log, String context) {
        Set<String> done = new HashSet<>();
        for (int i = 0; i < log.size(); i++) {
            String step = stepOf(log.get(i));
            if (step == null) {
                continue;
            }
            assertThat(done).as("%s, event %d %s", context, i + 1, log.get(i)).doesNotContain(step);
            if (log.get(i) instanceof StepSucceeded || log.get(i) instanceof StepSkipped) {
                done.add(step);
            }
        }
    }

    /**
     * A heartbeat is recorded only for the attempt in flight, and a heartbeat deadline only times
     * out the attempt whose clock ran: each such timeout follows the attempt's start or a heartbeat.
     */
    static void assertHeartbeatsBelongToTheAttemptInFlight(List<ExecutionEvent> log, List<ExecutionState> states,
                                                           String context) {
        for (int i = 1; i < log.size(); i++) {
            ExecutionState before = states.get(i - 1);
            if (log.get(i) instanceof ExecutionEvent.StepHeartbeatRecorded beat) {
                StepState step = before.step(beat.stepName());
                assertThat(step.attempt()).as("%s, event %d %s", context, i + 1, beat).isEqualTo(beat.attempt());
                assertThat(step.status().isInFlight()).as("%s, event %d %s", context, i + 1, beat).isTrue();
            } else if (log.get(i) instanceof StepTimedOut timedOut && timedOut.error().contains("sent no heartbeat")) {
                assertThat(before.step(timedOut.stepName()).heartbeatDeadline())
                        .as("%s, event %d %s", context, i + 1, timedOut).isNotNull();
            }
        }
    }

    private static ExecutionStatus endedAs(ExecutionEvent terminal) {
        if (terminal instanceof ExecutionCompleted) {
            return ExecutionStatus.COMPLETED;
        } else if (terminal instanceof ExecutionCancelled) {
            return ExecutionStatus.CANCELLED;
        } else if (terminal instanceof ExecutionTimedOut) {
            return ExecutionStatus.TIMED_OUT;
        } else if (terminal instanceof ExecutionEvent.ExecutionFailed || terminal instanceof ExecutionRejected) {
            return ExecutionStatus.FAILED;
        }
        throw new IllegalArgumentException("Unhandled terminal event " + terminal);
    }

    /** The step an event changes, or null for none. */
    private static String stepOf(ExecutionEvent event) {
        if (event instanceof StepScheduled e) {
            return e.stepName();
        } else if (event instanceof StepStarted e) {
            return e.stepName();
        } else if (event instanceof StepSucceeded e) {
            return e.stepName();
        } else if (event instanceof StepFailed e) {
            return e.stepName();
        } else if (event instanceof StepSkipped e) {
            return e.stepName();
        } else if (event instanceof StepTimedOut e) {
            return e.stepName();
        } else if (event instanceof ExecutionEvent.StepHeartbeatRecorded e) {
            return e.stepName();
        } else if (event instanceof StepRetryScheduled e) {
            return e.stepName();
        } else if (event instanceof DelayStarted e) {
            return e.stepName();
        }
        return null;
    }
}
