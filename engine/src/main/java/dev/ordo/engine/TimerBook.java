package dev.ordo.engine;

import dev.ordo.domain.execution.ExecutionState;
import dev.ordo.contract.execution.TimerFired;
import dev.ordo.contract.execution.TimerFired.DelayElapsed;
import dev.ordo.contract.execution.TimerFired.ExecutionDeadlineReached;
import dev.ordo.contract.execution.TimerFired.HeartbeatDeadlineReached;
import dev.ordo.contract.execution.TimerFired.RetryDue;
import dev.ordo.contract.execution.TimerFired.StepDeadlineReached;
import dev.ordo.domain.execution.Timers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The timer store: every pending timer of every execution this task owns, keyed by its due time
 * first ({@code <13-digit epoch ms>|<execution>|<kind>|<step>|<attempt>}), so the keys sort by due
 * time and finding the due ones is one range scan from the start, never a full scan.
 *
 * <p>The store always holds {@link Timers#pending} of each stored state: after every decision the
 * timers the new state no longer needs are deleted and the new ones added.
 */
final class TimerBook {

    private static final String DUE_BOUND = "}";

    private final KeyValueStore<String, TimerFired> timers;

    TimerBook(KeyValueStore<String, TimerFired> timers) {
        this.timers = timers;
    }

    /** Brings the store from the timers of {@code before} to those of {@code after}. */
    void update(ExecutionState before, ExecutionState after) {
        Set<TimerFired> old = Timers.pending(before);
        Set<TimerFired> now = Timers.pending(after);
        for (TimerFired timer : old) {
            if (!now.contains(timer)) {
                timers.delete(key(timer));
            }
        }
        Set<TimerFired> added = new HashSet<>(now);
        added.removeAll(old);
        for (TimerFired timer : added) {
            timers.put(key(timer), timer);
        }
    }

    /** Removes and returns up to {@code limit} timers due at {@code now}, earliest first. */
    List<TimerFired> takeDue(Instant now, int limit) {
        List<KeyValue<String, TimerFired>> due = new ArrayList<>();
        try (KeyValueIterator<String, TimerFired> range = timers.range(null, dueTime(now.toEpochMilli()) + DUE_BOUND)) {
            while (range.hasNext() && due.size() < limit) {
                due.add(range.next());
            }
        }
        List<TimerFired> fired = new ArrayList<>(due.size());
        for (KeyValue<String, TimerFired> entry : due) {
            timers.delete(entry.key);
            fired.add(entry.value);
        }
        return fired;
    }

    static String key(TimerFired timer) {
        StringBuilder key = new StringBuilder(96).append(dueTime(timer.dueAt().toEpochMilli()))
                .append('|').append(timer.executionId()).append('|').append(timer.getClass().getSimpleName());
        if (timer instanceof StepDeadlineReached deadline) {
            key.append('|').append(deadline.stepName()).append('|').append(deadline.attempt());
        } else if (timer instanceof HeartbeatDeadlineReached heartbeat) {
            key.append('|').append(heartbeat.stepName()).append('|').append(heartbeat.attempt());
        } else if (timer instanceof RetryDue retry) {
            key.append('|').append(retry.stepName()).append('|').append(retry.attempt());
        } else if (timer instanceof DelayElapsed delay) {
            key.append('|').append(delay.stepName());
        } else if (!(timer instanceof ExecutionDeadlineReached)) {
            throw new IllegalArgumentException("Unhandled timer " + timer.getClass().getName());
        }
        return key.toString();
    }

    /** The step a timer is about, or null for the execution's deadline. */
    static String stepName(TimerFired timer) {
        if (timer instanceof StepDeadlineReached deadline) {
            return deadline.stepName();
        } else if (timer instanceof HeartbeatDeadlineReached heartbeat) {
            return heartbeat.stepName();
        } else if (timer instanceof RetryDue retry) {
            return retry.stepName();
        } else if (timer instanceof DelayElapsed delay) {
            return delay.stepName();
        } else if (timer instanceof ExecutionDeadlineReached) {
            return null;
        }
        throw new IllegalArgumentException("Unhandled timer " + timer.getClass().getName());
    }

    /** Epoch milliseconds as 13 digits, zero-padded, so that text order is time order. */
    static String dueTime(long epochMillis) {
        String digits = Long.toString(Math.max(0, epochMillis));
        return "0".repeat(Math.max(0, 13 - digits.length())) + digits;
    }
}
