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
 * Points a context at a database of its own in the shared PostgreSQL (created on first use), for
 * tests that replace the whole read-model schema (a rebuild swaps every table, which the contexts
 * sharing the default database must not see) or fill it with benchmark data. List it after
 * {@link EmbeddedInfrastructureInitializer}, whose datasource URL it overrides.
 */
public abstract class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private final String name;

    OwnDatabase(String name) {
        this.name = name;
    }

    /** The database of the rebuild tests. */
    public static final class ForRebuilds extends OwnDatabase {
        public ForRebuilds() {
            super("ordo_rebuild_test");
        }
    }

    /** The database of the benchmarks. */
    public static final class ForBenchmarks extends OwnDatabase {
        public ForBenchmarks() {
            super("ordo_benchmark");
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        InfrastructureEndpoints shared = SharedTestInfrastructure.endpoints();
        createIfMissing(shared, name);
        String url = shared.jdbcUrl().substring(0, shared.jdbcUrl().lastIndexOf('/') + 1) + name;
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("ordoOwnDatabase",
                Map.of("spring.datasource.url", url)));
    }

    private static synchronized void createIfMissing(InfrastructureEndpoints shared, String name) {
        try (Connection connection = DriverManager.getConnection(shared.jdbcUrl(), shared.username(),
                shared.password())) {
            boolean exists = connection.createStatement()
                    .executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'").next();
            if (!exists) {
                connection.createStatement().execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + name, e);
        }
    }
}
