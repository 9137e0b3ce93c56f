package dev.ordo.projection;

import dev.ordo.infra.EmbeddedInfrastructureInitializer;
import dev.ordo.infra.InfrastructureEndpoints;
import dev.ordo.infra.SharedTestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a context at a database of its own, {@value #NAME}, in the shared PostgreSQL (created on
 * first use), for tests that replace the whole read-model schema: a rebuild swaps every table,
 * which the contexts sharing the default database must not see. List it after
 * {@link EmbeddedInfrastructureInitializer}, whose datasource URL it overrides.
 */
public final class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String NAME = "ordo_rebuild_test";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        InfrastructureEndpoints shared = SharedTestInfrastructure.endpoints();
        createIfMissing(shared);
        String url = shared.jdbcUrl().substring(0, shared.jdbcUrl().lastIndexOf('/') + 1) + NAME;
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("ordoOwnDatabase",
                Map.of("spring.datasource.url", url)));
    }

    private static synchronized void createIfMissing(InfrastructureEndpoints shared) {
        try (Connection connection = DriverManager.getConnection(shared.jdbcUrl(), shared.username(),
                shared.password())) {
            boolean exists = connection.createStatement()
                    .executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + NAME + "'").next();
            if (!exists) {
                connection.createStatement().execute("CREATE DATABASE " + NAME);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + NAME, e);
        }
    }
}
