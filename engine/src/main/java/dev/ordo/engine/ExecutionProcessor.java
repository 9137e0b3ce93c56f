package dev.ordo.engine;

import dev.ordo.contract.execution.EngineInput;
import dev.ordo.domain.execution.Decider;
import dev.ordo.domain.execution.ExecutionState;
import dev.ordo.domain.execution.NumberedEvent;
import dev.ordo.domain.execution.Outcome;
import dev.ordo.contract.execution.StepTask;
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
 * Folds one input into one execution: reads its state, asks the {@link Decider} for the outcome,
 * appends its numbered events, hands out its tasks, stores the new state and brings the timer
 * store in line with it. A wall-clock punctuator feeds due timers through the same path and
 * removes finished executions whose retention ended. An ignored input (e.g. a report for an
 * execution the engine does not know) records nothing.
 */
final class ExecutionProcessor implements Processor<String, EngineInput, String, Object> {

    private static final Logger log = LoggerFactory.getLogger(ExecutionProcessor.class);

    private final EngineOptions options;
    private final Decider decider = new Decider();
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
        Outcome outcome = decider.decide(before, input, () -> now);
        if (outcome instanceof Outcome.Ignored ignored) {
            log.debug("Ignored {} for execution {}: {}", input.getClass().getSimpleName(), key, ignored.reason());
            return;
        }
        Outcome.Recorded recorded = (Outcome.Recorded) outcome;
        for (NumberedEvent numbered : recorded.events()) {
            EventEnvelope envelope = new EventEnvelope(input.executionId(), numbered.sequence(), now, numbered.event());
            context.forward(new Record<String, Object>(key, envelope, now.toEpochMilli()), EngineTopology.EVENTS_SINK);
        }
        for (StepTask task : recorded.tasks()) {
            forwardTask(task, now);
        }
        ExecutionState state = recorded.state();
        executions.put(key, state);
        timers.update(before, state);
        if (recorded.finishedNow()) {
            retention.finished(state.executionId(), now);
        }
    }

    private void forwardTask(StepTask task, Instant now) {
        String key = Topics.stepTaskKey(task.executionId(), task.stepName());
        context.forward(new Record<String, Object>(key, task, now.toEpochMilli()), EngineTopology.TASKS_SINK);
    }
}
