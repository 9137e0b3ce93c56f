package dev.ordo.domain.execution;

import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.StepHeartbeatRecorded;
import dev.ordo.contract.execution.ExecutionEvent.StepTimedOut;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepReport.StepHeartbeatReport;
import dev.ordo.contract.execution.TimerFired.HeartbeatDeadlineReached;
import dev.ordo.contract.wire.RecordLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The heartbeat clock of a running attempt whose step sets {@code config.heartbeat_timeout_seconds}
 * (H). {@code StepStarted} starts it at start + H. An accepted heartbeat is recorded as a
 * {@code StepHeartbeatRecorded} only when it moves the deadline (to now + H) by more than H / 2, or
 * brings progress unlike the last recorded; any other accepted heartbeat records nothing. So the
 * last deadline the engine relies on is always an event, and the state stays the fold of the log.
 * When the deadline's timer fires first, the attempt times out ("sent no heartbeat for H") and is
 * retried per the retry policy, like any timed-out attempt. The clock is a liveness check, not a
 * fence: a report that comes before the timer fires is judged as usual. A step without a heartbeat
 * timeout has no clock; its heartbeats record only new progress.
 */
final class HeartbeatRules {

    private HeartbeatRules() {
    }

    /** Where the clock of a step started {@code now} starts, or null when the step has no heartbeat timeout. */
    static Instant startedClock(ExecutionState state, String stepName, Instant now) {
        Duration timeout = StepSettings.of(state, stepName).heartbeatTimeout();
        return timeout == null ? null : now.plus(timeout);
    }

    /** A heartbeat for the attempt in flight (attempt fencing already passed). */
    static Decision accepted(ExecutionState state, StepHeartbeatReport report, Instant now) {
        StepState step = state.step(report.stepName());
        Duration timeout = StepSettings.of(state, report.stepName()).heartbeatTimeout();
        Instant deadline = timeout == null ? null : now.plus(timeout);
        Map<String, Object> progress = newProgress(step, report.progress());
        if (progress == null && !movesFar(step.heartbeatDeadline(), deadline, timeout)) {
            return Decision.nothing("Heartbeat for step '" + report.stepName() + "' attempt " + report.attempt()
                    + " accepted: the attempt is in flight, and its clock and progress stand as recorded");
        }
        return Decision.of(List.of(new StepHeartbeatRecorded(report.stepName(), report.attempt(), progress, deadline)));
    }

    static Decision deadlineReached(ExecutionState state, HeartbeatDeadlineReached timer, Instant now) {
        StepState step = state.step(timer.stepName());
        if (state.status() != ExecutionStatus.RUNNING || step == null || step.attempt() != timer.attempt()
                || !step.status().isInFlight() || !timer.dueAt().equals(step.heartbeatDeadline())) {
            return Decision.nothing("Timer HeartbeatDeadlineReached due at " + timer.dueAt()
                    + " is moot: the execution or its step has moved on, or a heartbeat moved the deadline");
        }
        Duration timeout = StepSettings.of(state, timer.stepName()).heartbeatTimeout();
        StepTimedOut timedOut = new StepTimedOut(timer.stepName(), timer.attempt(), "attempt " + timer.attempt()
                + " sent no heartbeat for " + seconds(timeout));
        List<ExecutionEvent> events = new ArrayList<>();
        events.add(timedOut);
        events.addAll(AttemptOutcomes.afterFailure(state.evolve(timedOut), timer.stepName(), timer.attempt(), true, now));
        return Decision.of(events);
    }

    /** The report's progress when it fits and is unlike the last recorded, else null. */
    private static Map<String, Object> newProgress(StepState step, Map<String, Object> progress) {
        if (progress == null || RecordLimits.encodedSize(progress) > RecordLimits.MAX_PROGRESS_BYTES) {
            return null;
        }
        Integer recorded = step.heartbeat() == null ? null : step.heartbeat().progressHash();
        return Objects.equals(recorded, progress.hashCode()) ? null : progress;
    }

    private static boolean movesFar(Instant recorded, Instant next, Duration timeout) {
        if (next == null) {
            return false;
        }
        return recorded == null || Duration.between(recorded, next).compareTo(timeout.dividedBy(2)) > 0;
    }

    /** {@code 2s}, {@code 0.5s}: the timeout as a client wrote it. */
    private static String seconds(Duration timeout) {
        long millis = timeout == null ? 0 : timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis / 1000.0 + "s";
    }
}
