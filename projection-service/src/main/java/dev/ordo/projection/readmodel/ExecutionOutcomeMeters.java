package dev.ordo.projection.readmodel;

import dev.ordo.contract.execution.ExecutionEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Counts what executions did, from the events the live projection applies for the first time:
 * {@code ordo.executions{outcome=started|completed|failed|cancelled|timed_out|rejected}},
 * {@code ordo.step.attempts{outcome=started|succeeded|failed|timed_out}} and the batch size
 * ({@code ordo.projection.batch.size}). Only the live listener calls it, and only with records
 * that advanced an execution's sequence, so a redelivered batch or a rebuild counts nothing twice.
 * Labels are bounded: no execution or workflow id.
 */
@Component
public class ExecutionOutcomeMeters {

    private final MeterRegistry registry;
    private final DistributionSummary batchSize;

    ExecutionOutcomeMeters(MeterRegistry registry) {
        this.registry = registry;
        this.batchSize = DistributionSummary.builder("ordo.projection.batch.size")
                .description("Event log records per batch the live projection stored").baseUnit("events")
                .serviceLevelObjectives(1, 10, 50, 100, 250, 500).register(registry);
        for (String outcome : List.of("started", "completed", "failed", "cancelled", "timed_out", "rejected")) {
            executions(outcome);
        }
    }

    void batchStored(int records, List<EventRecord> applied) {
        batchSize.record(records);
        for (EventRecord record : applied) {
            count(record.envelope().event());
        }
    }

    private void count(ExecutionEvent event) {
        switch (event.getClass().getSimpleName()) {
            case "ExecutionStarted" -> executions("started").increment();
            case "ExecutionCompleted" -> executions("completed").increment();
            case "ExecutionFailed" -> executions("failed").increment();
            case "ExecutionCancelled" -> executions("cancelled").increment();
            case "ExecutionTimedOut" -> executions("timed_out").increment();
            case "ExecutionRejected" -> executions("rejected").increment();
            case "StepStarted" -> attempts("started").increment();
            case "StepSucceeded" -> attempts("succeeded").increment();
            case "StepFailed" -> attempts("failed").increment();
            case "StepTimedOut" -> attempts("timed_out").increment();
            default -> { }
        }
    }

    /** The outcome a terminal execution event names, or null for any other event. */
    static String terminalOutcome(ExecutionEvent event) {
        return switch (event.getClass().getSimpleName()) {
            case "ExecutionCompleted" -> "completed";
            case "ExecutionFailed" -> "failed";
            case "ExecutionCancelled" -> "cancelled";
            case "ExecutionTimedOut" -> "timed_out";
            default -> null;
        };
    }

    private Counter executions(String outcome) {
        return Counter.builder("ordo.executions").tag("outcome", outcome)
                .description("Executions by how their run began or ended, as the projection applied it")
                .register(registry);
    }

    private Counter attempts(String outcome) {
        return Counter.builder("ordo.step.attempts").tag("outcome", outcome)
                .description("Step attempts started and ended, as the projection applied them").register(registry);
    }
}
