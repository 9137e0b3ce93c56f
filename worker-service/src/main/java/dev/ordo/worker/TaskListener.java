package dev.ordo.worker;

import dev.ordo.contract.execution.StepReport;
import dev.ordo.contract.execution.StepReport.StepFailedReport;
import dev.ordo.contract.execution.StepReport.StepStartedReport;
import dev.ordo.contract.execution.StepReport.StepSucceededReport;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.contract.wire.Topics;
import dev.ordo.worker.handlers.StepHandlers;
import dev.ordo.worker.handlers.StepOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Takes a batch of step tasks, runs each, and reports start and outcome on
 * {@code workflow.step-reports}, keyed by execution id. The batch's offsets are committed only
 * after every report was acknowledged, so a crash re-delivers the tasks instead of losing reports.
 * A task whose deadline already passed is not run: it is reported failed (retryably) and the
 * engine, which has timed the attempt out or is about to, decides what follows.
 */
@Component
class TaskListener {

    private static final Logger log = LoggerFactory.getLogger(TaskListener.class);

    private final StepHandlers handlers;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Topics topics;
    private final WorkerIdentity identity;
    private final Clock clock;

    TaskListener(StepHandlers handlers, KafkaTemplate<String, byte[]> kafka, Topics topics, WorkerIdentity identity,
                 Clock clock) {
        this.handlers = handlers;
        this.kafka = kafka;
        this.topics = topics;
        this.identity = identity;
        this.clock = clock;
    }

    @KafkaListener(topics = "#{@topics.stepTasks()}")
    void onTasks(List<ConsumerRecord<String, byte[]>> records) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            StepTask task = decode(record);
            if (task != null && isOverdue(task)) {
                sends.add(report(new StepFailedReport(task.executionId(), task.stepName(), task.attempt(),
                        "deadline " + task.deadline() + " passed before a worker took the task", true)));
            } else if (task != null) {
                sends.add(report(new StepStartedReport(task.executionId(), task.stepName(), task.attempt(), identity.id())));
                sends.add(report(outcomeReport(task, handlers.run(task))));
            }
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
    }

    private boolean isOverdue(StepTask task) {
        return task.deadline() != null && !Instant.now(clock).isBefore(task.deadline());
    }

    private static StepReport outcomeReport(StepTask task, StepOutcome outcome) {
        if (outcome instanceof StepOutcome.Succeeded succeeded) {
            return new StepSucceededReport(task.executionId(), task.stepName(), task.attempt(), succeeded.output());
        }
        StepOutcome.Failed failed = (StepOutcome.Failed) outcome;
        return new StepFailedReport(task.executionId(), task.stepName(), task.attempt(), failed.error(), failed.retryable());
    }

    private CompletableFuture<?> report(StepReport report) {
        return kafka.send(topics.stepReports(), report.executionId().toString(), JsonCodec.instance().encode(report));
    }

    private static StepTask decode(ConsumerRecord<String, byte[]> record) {
        try {
            return JsonCodec.instance().decode(record.value(), StepTask.class);
        } catch (RuntimeException e) {
            log.error("Skipped undecodable task at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return null;
        }
    }
}
