package dev.ordo.engine;

import dev.ordo.domain.execution.Decision;
import dev.ordo.contract.execution.EngineInput;
import dev.ordo.domain.execution.ExecutionDecider;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import dev.ordo.domain.execution.ExecutionState;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.domain.execution.StepTasks;
import dev.ordo.contract.execution.TimerFired;
import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.contract.wire.Topics;
import java.time.Instant;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds one input into one execution: reads its state, asks the decider, appends each resulting
 * event with the next sequence, hands a task to the workers for each scheduled step, stores the
 * new state and brings the timer store in line with it. A wall-clock punctuator feeds due timers
 * through the same path and removes finished executions whose retention ended. A rejection for an
 * execution the engine does not know (never started, or already removed) is logged and dropped:
 * there is no event log to record it in.
 */
final class ExecutionProcessor implements Processor<String, EngineInput, String, Object> {

    private static final Logger log = LoggerFactory.getLogger(ExecutionProcessor.class);

    private final EngineOptions options;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, ExecutionState> executions;
    private TimerBook timers;
    private RetentionBook retention;

    ExecutionProcessor(EngineOptions options) {
        this.options = options;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.executions = context.getStateStore(EngineTopology.EXECUTIONS_STORE);
        this.timers = new TimerBook(context.getStateStore(EngineTopology.TIMERS_STORE));
        this.retention = new RetentionBook(context.getStateStore(EngineTopology.EXPIRATIONS_STORE),
                options.finishedRetention());
        context.schedule(options.timerInterval(), PunctuationType.WALL_CLOCK_TIME, this::onWallClock);
    }

    @Override
    public void process(Record<String, EngineInput> record) {
        if (record.value() != null) {
            handle(record.value(), Instant.ofEpochMilli(context.currentSystemTimeMs()));
        }
    }

    private void onWallClock(long epochMillis) {
        Instant now = Instant.ofEpochMilli(epochMillis);
        for (TimerFired timer : timers.takeDue(now, options.maxTimersPerRound())) {
            handle(timer, now);
        }
        for (String executionId : retention.takeExpired(now, options.maxTimersPerRound())) {
            executions.delete(executionId);
        }
    }

    private void handle(EngineInput input, Instant now) {
        String key = input.executionId().toString();
        ExecutionState stored = executions.get(key);
        ExecutionState before = stored == null ? ExecutionState.unknown(input.executionId()) : stored;
        Decision decision = ExecutionDecider.decide(before, input, () -> now);
        if (decision.isRejection() && before.status() == ExecutionStatus.UNKNOWN) {
            log.warn("Dropped {} for unknown execution {}: {}", input.getClass().getSimpleName(), key,
                    decision.events().get(0));
            return;
        }
        if (decision.events().isEmpty()) {
            return;
        }
        ExecutionState state = before;
        for (ExecutionEvent event : decision.events()) {
            state = state.evolve(event);
            EventEnvelope envelope = new EventEnvelope(input.executionId(), state.version(), now, event);
            context.forward(new Record<String, Object>(key, envelope, now.toEpochMilli()), EngineTopology.EVENTS_SINK);
            if (event instanceof StepScheduled scheduled) {
                forwardTask(state, scheduled, now);
            }
        }
        executions.put(key, state);
        timers.update(before, state);
        if (!before.status().isTerminal() && state.status().isTerminal()) {
            retention.finished(state.executionId(), now);
        }
    }

    private void forwardTask(ExecutionState state, StepScheduled scheduled, Instant now) {
        StepTask task = StepTasks.of(state, scheduled);
        String key = Topics.stepTaskKey(state.executionId(), task.stepName());
        context.forward(new Record<String, Object>(key, task, now.toEpochMilli()), EngineTopology.TASKS_SINK);
    }
}
