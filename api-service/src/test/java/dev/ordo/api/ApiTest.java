package dev.ordo.api;

import dev.ordo.infra.EmbeddedInfrastructureInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * api-service on a random port against the JVM's shared embedded PostgreSQL and Kafka, engine off.
 * Every class carrying it shares one Spring context, so tests must not rely on an empty database:
 * each works in workspaces it creates itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=api-service", "ordo.engine.enabled=false", "ordo.topics.partitions=1"})
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
public @interface ApiTest {
}
