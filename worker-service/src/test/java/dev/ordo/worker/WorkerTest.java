package dev.ordo.worker;

import dev.ordo.infra.EmbeddedInfrastructureInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * worker-service against the JVM's shared embedded Kafka, with the test handlers of
 * {@link TestStepHandlers}. Every class carrying it shares one Spring context, so tests tell their
 * tasks apart by execution id, never by an empty topic. The tasks topic has one partition, so a
 * test's tasks queue up behind each other as in the worst case of production.
 *
 * <ul>
 *   <li>{@code max.poll.interval.ms} is 3 s, so a task of a few seconds outlasts it;</li>
 *   <li>the producer's {@code max.request.size} is 400,000 bytes, below what an output within
 *       {@code RecordLimits.MAX_STEP_OUTPUT_BYTES} needs, so a report the broker refuses as too large
 *       can be shown.</li>
 * </ul>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = WorkerServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.config.name=worker-service",
            "ordo.topics.prefix=" + WorkerTest.TOPIC_PREFIX,
            "ordo.topics.partitions=1",
            "spring.kafka.consumer.group-id=" + WorkerTest.GROUP_ID,
            "spring.kafka.consumer.properties.max.poll.interval.ms=3000",
            "spring.kafka.producer.properties.max.request.size=400000"
        })
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
@Import(TestStepHandlers.class)
public @interface WorkerTest {

    String TOPIC_PREFIX = "worker-test";
    String GROUP_ID = "worker-test-workers";
}
