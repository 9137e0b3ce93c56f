package dev.ordo.api.engine;

import dev.ordo.events.definition.StepSpec;
import dev.ordo.events.execution.Decision;
import dev.ordo.events.execution.DecisionContext;
import dev.ordo.events.execution.EngineInput;
import dev.ordo.events.execution.ExecutionDecider;
import dev.ordo.events.execution.ExecutionEvent;
import dev.ordo.events.execution.ExecutionEvent.StepScheduled;
import dev.ordo.events.execution.ExecutionState;
import dev.ordo.events.execution.ExecutionStatus;
import dev.ordo.events.execution.StepTask;
import dev.ordo.events.wire.EventEnvelope;
import dev.ordo.events.wire.Topics;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds one input into one execution: reads its state, asks the decider, appends each resulting
 * event with the next sequence, hands a task to the workers for each scheduled step, and stores
 * the new state. A rejection for an execution the engine never started is logged and dropped:
 * there is no event log to record it in.
 */
final class ExecutionProcessor implements Processor<String, EngineInput, String, Object> {

    private static final Logger log = LoggerFactory.getLogger(ExecutionProcessor.class);

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, ExecutionState> executions;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.executions = context.getStateStore(EngineTopology.EXECUTIONS_STORE);
    }

    @Override
    public void process(Record<String, EngineInput> record) {
        EngineInput input = record.value();
        if (input == null) {
            return;
        }
        String key = input.executionId().toString();
        ExecutionState stored = executions.get(key);
        ExecutionState state = stored == null ? ExecutionState.unknown(input.executionId()) : stored;
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        DecisionContext clock = () -> now;
        Decision decision = ExecutionDecider.decide(state, input, clock);
        if (decision.isRejection() && state.status() == ExecutionStatus.UNKNOWN) {
            log.warn("Dropped {} for unknown execution {}: {}", input.getClass().getSimpleName(), key,
                    decision.events().get(0));
            return;
        }
        for (ExecutionEvent event : decision.events()) {
            state = state.evolve(event);
            EventEnvelope envelope = new EventEnvelope(input.executionId(), state.version(), now, event);
            context.forward(new Record<String, Object>(key, envelope, record.timestamp()), EngineTopology.EVENTS_SINK);
            if (event instanceof StepScheduled scheduled) {
                forwardTask(state, scheduled, now, record.timestamp());
            }
        }
        executions.put(key, state);
    }

    private void forwardTask(ExecutionState state, StepScheduled scheduled, Instant now, long timestamp) {
        StepSpec step = state.definition().step(scheduled.stepName()).orElseThrow();
        Instant deadline = step.timeoutSeconds() == null ? null : now.plusSeconds(step.timeoutSeconds());
        StepTask task = new StepTask(state.executionId(), step.name(), step.stepType(), scheduled.attempt(),
                step.config(), scheduled.input(), deadline);
        String key = Topics.stepTaskKey(state.executionId(), step.name());
        context.forward(new Record<String, Object>(key, task, timestamp), EngineTopology.TASKS_SINK);
    }
}
