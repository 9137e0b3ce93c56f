package dev.ordo.worker;

import dev.ordo.contract.wire.Topics;
import dev.ordo.worker.handlers.StepHandlers;
import dev.ordo.worker.reports.ReportPublisher;
import dev.ordo.worker.tasks.TaskConsumer;
import dev.ordo.worker.tasks.TaskRunner;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link TaskConsumer} for as long as the application runs, with the consumer and producer
 * settings of {@code spring.kafka.*}. Starts after the topics exist (they are created when the
 * singletons are ready, before any lifecycle starts) and reports as the {@code taskConsumer}
 * health: down when its loop has ended, with the reason.
 */
@Component("taskConsumer")
class TaskConsumerRunner implements SmartLifecycle, HealthIndicator {

    private final KafkaProperties kafka;
    private final WorkerSettings settings;
    private final Topics topics;
    private final StepHandlers handlers;
    private final WorkerIdentity identity;
    private final Clock clock;
    private final MeterRegistry meters;
    private volatile TaskConsumer consumer;

    TaskConsumerRunner(KafkaProperties kafka, WorkerSettings settings, Topics topics, StepHandlers handlers,
                       WorkerIdentity identity, Clock clock, MeterRegistry meters) {
        this.kafka = kafka;
        this.settings = settings;
        this.topics = topics;
        this.handlers = handlers;
        this.identity = identity;
        this.clock = clock;
        this.meters = meters;
        Gauge.builder("ordo.worker.tasks.in_flight", this, TaskConsumerRunner::inFlight)
                .description("Tasks taken and not yet done: queued, running, or waiting for acknowledgements")
                .register(meters);
    }

    @Override
    public void start() {
        HandlerMeters handlerMeters = new HandlerMeters(meters, handlers);
        ReportPublisher reports = new ReportPublisher(
                new KafkaProducer<>(kafka.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer()),
                topics.stepReports());
        TaskConsumer created = new TaskConsumer(
                new KafkaConsumer<>(kafka.buildConsumerProperties(), new StringDeserializer(),
                        new ByteArrayDeserializer()),
                new TaskRunner((task, progress) -> handlerMeters.time(task,
                        () -> handlers.run(task, new AttemptContext(task, progress))), reports, identity.id(), clock, meters), reports,
                new TaskConsumer.Settings(topics.stepTasksFor(settings.capabilities()), settings.concurrency(),
                        settings.shutdownGrace()));
        created.start();
        consumer = created;
    }

    @Override
    public void stop() {
        TaskConsumer running = consumer;
        if (running != null) {
            try {
                running.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            consumer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return consumer != null;
    }

    @Override
    public Health health() {
        TaskConsumer running = consumer;
        if (running == null) {
            return Health.down().withDetail("state", "NOT_STARTED").build();
        }
        if (!running.isRunning()) {
            return Health.down().withDetail("state", "STOPPED")
                    .withDetail("reason", running.failure().map(Throwable::toString).orElse("stopped")).build();
        }
        return Health.up().withDetail("state", "RUNNING").withDetail("in_flight", running.inFlight())
                .withDetail("assigned_partitions", running.assignedPartitions())
                .withDetail("capabilities", settings.capabilities()).build();
    }

    /** Tasks taken and not yet done, 0 when the consumer does not run. */
    int inFlightTasks() {
        return (int) inFlight();
    }

    private double inFlight() {
        TaskConsumer running = consumer;
        return running == null ? 0 : running.inFlight();
    }
}
