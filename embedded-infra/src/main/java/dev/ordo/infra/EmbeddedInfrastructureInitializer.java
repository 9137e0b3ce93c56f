package dev.ordo.infra;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring application context at this JVM's {@link SharedTestInfrastructure}: adds a property source
 * named {@value #PROPERTY_SOURCE_NAME} with {@link InfrastructureEndpoints#asSpringProperties()} ahead of all
 * others, so it wins over {@code application.properties}. Use it as
 * {@code @SpringBootTest @ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)}.
 * Adding it to a context that already has that property source replaces nothing and adds nothing.
 */
public final class EmbeddedInfrastructureInitializer
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROPERTY_SOURCE_NAME = "ordoTestInfrastructure";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource(PROPERTY_SOURCE_NAME, SharedTestInfrastructure.endpoints().asSpringProperties()));
    }
}
