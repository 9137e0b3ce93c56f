package dev.ordo.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

class EmbeddedInfrastructureInitializerTest {

    @Test
    void sharedEndpointsOverrideEveryOtherPropertySource() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            ConfigurableEnvironment environment = context.getEnvironment();
            environment.getPropertySources().addFirst(new MapPropertySource("applicationProperties",
                    Map.of("spring.kafka.bootstrap-servers", "elsewhere:9092")));

            new EmbeddedInfrastructureInitializer().initialize(context);

            InfrastructureEndpoints shared = SharedTestInfrastructure.endpoints();
            assertThat(environment.getPropertySources().iterator().next().getName()).isEqualTo("ordoTestInfrastructure");
            assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(shared.bootstrapServers());
            assertThat(environment.getProperty("spring.datasource.url")).isEqualTo(shared.jdbcUrl());
            assertThat(environment.getProperty("spring.datasource.username")).isEqualTo(shared.username());
            assertThat(environment.getProperty("spring.datasource.password")).isEqualTo(shared.password());
        }
    }
}
