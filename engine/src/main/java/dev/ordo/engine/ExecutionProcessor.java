package dev.ordo.engine;

import dev.ordo.contract.execution.EngineInput;
import dev.ordo.contract.execution.ExecutionEvent.CommandRejected;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRejected;
import dev.ordo.contract.execution.TimerFired;
import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.domain.execution.ExecutionState;
import dev.ordo.engine.ExecutionStore.Loaded;
import dev.ordo.engine.Inbound.Readable;
import dev.ordo.engine.Inbound.Unreadable;
import dev.ordo.engine.Outbox.Outgoing;
import dev.ordo.engine.RetentionBook.Expiry;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds one input into one execution: loads its state, decides, and writes the resulting events
 * (numbered), a task per scheduled attempt, the new state and the timers it needs. A wall-clock
 * punctuator feeds due timers through the same path and retires finished executions whose
 * retention ended.
 *
 * <p>The failure boundary: nothing one input does can fail the stream thread. An exception while
 * deciding or building its records, a record too large for Kafka (every record is measured before
 * any is written), or an input that cannot be read, is recorded by the domain's rule
 * ({@code Decider.failedOn}: the running execution fails with an {@code IncidentRecorded}), logged and
 * counted, and the partition moves on.
 * A record whose key is no execution id is logged, counted and skipped.
 */
final class ExecutionProcessor implements Processor<String, Inbound, String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(ExecutionProcessor.class);

    private final EngineOptions options;
    private final EngineCounters counters;
    private final Deciding deciding;
    private ProcessorContext<String, byte[]> context;
    private ExecutionStore store;
    private TimerBook timers;
    private RetentionBook retention;

    ExecutionProcessor(EngineOptions options, EngineCounters counters, Deciding deciding) {
        this.options = options;
        this.counters = counters;
        this.deciding = deciding;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.store = new ExecutionStore(context.getStateStore(EngineTopology.EXECUTIONS_STORE),
                context.getStateStore(EngineTopology.STARTS_STORE), context.getStateStore(EngineTopology.STEP_OUTPUTS_STORE),
                context.getStateStore(EngineTopology.TOMBSTONES_STORE));
        this.timers = new TimerBook(context.getStateStore(EngineTopology.TIMERS_STORE));
        this.retention = new RetentionBook(context.getStateStore(EngineTopology.EXPIRATIONS_STORE), options);
        context.schedule(options.timerInterval(), PunctuationType.WALL_CLOCK_TIME, this::onWallClock);
    }

    @Override
    public void process(Record<String, Inbound> record) {
        UUID executionId = ExecutionIds.parse(record.key());
        Inbound inbound = record.value() == null ? new Unreadable(EngineInput.class, null, "the record has no value")
                : record.value();
        if (executionId == null || inbound instanceof Readable readable && !readable.input().executionId().equals(executionId)) {
            counters.unreadable();
            log.warn("Skipped a record whose key '{}' is not the id of the execution it is about",
                    record.key() == null ? null : FailureText.shortened(record.key(), 100));
            return;
        }
        handle(executionId, inbound, Instant.ofEpochMilli(context.currentSystemTimeMs()));
    }

    private void onWallClock(long epochMillis) {
        Instant now = Instant.ofEpochMilli(epochMillis);
        for (TimerFired timer : timers.takeDue(now, options.maxTimersPerRound())) {
            handle(timer.executionId(), new Readable(timer), now);
        }
        for (Expiry expiry : retention.takeExpired(now, options.maxTimersPerRound())) {
            expire(expiry, now);
        }
    }

    private void handle(UUID executionId, Inbound inbound, Instant now) {
        Loaded before = load(executionId);
        if (before == null) {
            return;
        }
        InputLabel label = InputLabel.of(inbound);
        String failure;
        try {
            long decideStart = System.nanoTime();
            Decided decided = decide(before.state(), inbound, label, now);
            counters.decided(System.nanoTime() - decideStart);
            if (decided.isIgnored()) {
                ignore(executionId, label, decided.ignoredBecause());
                return;
            }
            Prepared prepared = Prepared.of(store, before, decided);
            Optional<String> oversized = prepared.oversized();
            if (oversized.isEmpty()) {
                commit(before, prepared, now);
                return;
            }
            failure = oversized.get();
            log.error("Incident: {} of execution {} would write too large a record: {}", label.describe(), executionId,
                    failure);
        } catch (RuntimeException e) {
            failure = FailureText.describe(e);
            log.error("Incident: {} of execution {} failed", label.describe(), executionId, e);
        }
        counters.incident();
        recordIncident(before, label, failure, now);
    }

    private Decided decide(ExecutionState before, Inbound inbound, InputLabel label, Instant now) {
        if (inbound instanceof Unreadable unreadable) {
            counters.unreadable();
            String error = "Expected a readable " + InputLabel.claimedType(unreadable) + ", but " + unreadable.error();
            log.warn("Unreadable input for execution {}: {}", before.executionId(), error);
            return failureRecord(before, label, error, now);
        }
        return deciding.decide(before, ((Readable) inbound).input(), now);
    }

    /** Records that {@code label} could not be handled; as a tombstone when even the failed state is too large. */
    private void recordIncident(Loaded before, InputLabel label, String error, Instant now) {
        UUID executionId = before.state().executionId();
        try {
            Decided decided = failureRecord(before.state(), label, error, now);
            if (decided.isIgnored()) {
                ignore(executionId, label, error);
                return;
            }
            Prepared prepared = Prepared.of(store, before, decided);
            if (prepared.oversized().isPresent()) {
                prepared = Prepared.of(store, before, decided.storedAs(Tombstone.of(decided.after()).toState(executionId)));
            }
            if (prepared.oversized().isPresent()) {
                log.error("Skipped {} of execution {}: its incident cannot be recorded: {}", label.describe(),
                        executionId, prepared.oversized().get());
                return;
            }
            commit(before, prepared, now);
        } catch (RuntimeException e) {
            log.error("Skipped {} of execution {}: its incident cannot be recorded", label.describe(), executionId, e);
        }
    }

    private static Decided failureRecord(ExecutionState state, InputLabel label, String error, Instant now) {
        return Decided.of(state, Deciding.DOMAIN.failedOn(state, label.asFailedInput(), error), now);
    }

    private void commit(Loaded before, Prepared prepared, Instant now) {
        for (Outgoing record : prepared.outbox().records()) {
            context.forward(new Record<>(record.key(), record.value(), now.toEpochMilli(), record.headers()),
                    record.sink());
        }
        prepared.writes().apply();
        ExecutionState after = prepared.after();
        timers.update(before.state(), after);
        if (Tombstone.fits(after) && !Tombstone.fits(before.state())) {
            retention.tombstoned(after.executionId(), now);
        } else if (after.status().isTerminal() && prepared.decided().envelopes().stream()
                .anyMatch(envelope -> envelope.event().isTerminal())) {
            retention.finished(after.executionId(), after.status(), now);
        } else if (before.state().status().isTerminal() && !after.status().isTerminal()) {
            retention.reopened(after.executionId());
        }
        counters.rejections(prepared.decided().envelopes().stream().map(EventEnvelope::event)
                .filter(event -> event instanceof CommandRejected || event instanceof ExecutionRejected).count());
    }

    private void expire(Expiry expiry, Instant now) {
        try {
            if (expiry.ofTombstone()) {
                store.forget(expiry.executionId());
            } else if (store.retire(expiry.executionId())) {
                retention.tombstoned(expiry.executionId(), now);
            }
        } catch (RuntimeException e) {
            counters.incident();
            log.error("Could not retire execution {}; it stays in the live stores", expiry.executionId(), e);
        }
    }

    private Loaded load(UUID executionId) {
        try {
            return store.load(executionId);
        } catch (RuntimeException e) {
            counters.incident();
            log.error("Skipped an input of execution {}: its stored state cannot be read", executionId, e);
            return null;
        }
    }

    private void ignore(UUID executionId, InputLabel label, String why) {
        counters.ignored();
        log.debug("Ignored {} of execution {}: {}", label.describe(), executionId, why);
    }
}
