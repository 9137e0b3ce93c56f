package dev.ordo.projection;

import dev.ordo.infra.EmbeddedInfrastructureInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * projection-service on a random port against the JVM's shared embedded PostgreSQL and Kafka, one
 * partition, so that every execution a test writes shares it. Every class carrying it shares one
 * Spring context and one read model: tests assert on executions they create themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ProjectionServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=projection-service", "ordo.topics.prefix=" + ProjectionTest.TOPIC_PREFIX,
            "ordo.topics.partitions=1", "ordo.projection.lag.refresh-interval=200ms"})
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
public @interface ProjectionTest {

    String TOPIC_PREFIX = "projection-test";
}
