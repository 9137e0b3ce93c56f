package dev.ordo.projection;

import dev.ordo.infra.EmbeddedInfrastructureInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * projection-service for tests that swap the whole read model: a database of its own
 * ({@link OwnDatabase.ForRebuilds}), topics of their own ({@value #TOPIC_PREFIX}, three partitions),
 * a consumer group of its own. Every class carrying it shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ProjectionServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=projection-service", "ordo.topics.prefix=" + RebuildTest.TOPIC_PREFIX,
            "ordo.topics.partitions=3", "spring.kafka.consumer.group-id=rebuild-test-projection",
            "ordo.projection.lag.refresh-interval=200ms", "ordo.projection.rebuild.max-poll-records=300"})
@ContextConfiguration(initializers = {EmbeddedInfrastructureInitializer.class, OwnDatabase.ForRebuilds.class})
public @interface RebuildTest {

    String TOPIC_PREFIX = "rebuild-test";
}
