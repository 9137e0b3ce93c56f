package dev.ordo.api.access;

import dev.ordo.api.ApiServiceApplication;
import dev.ordo.infra.EmbeddedInfrastructureInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * api-service as {@code ApiTest} runs it, but with authentication on and {@link AdminClient#TOKEN} as the
 * admin token. Every class carrying it shares this one second context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=api-service", "ordo.engine.enabled=false", "ordo.topics.partitions=1",
                "ordo.auth.enabled=true", "ordo.auth.admin-token=" + AdminClient.TOKEN})
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
public @interface AuthOnApiTest {
}
