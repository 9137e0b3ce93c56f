package dev.ordo.infra;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach the running Kafka and PostgreSQL, embedded or external.
 *
 * @param bootstrapServers Kafka bootstrap servers, for example {@code localhost:19092}
 * @param jdbcUrl          JDBC URL of the application database
 * @param username         database user
 * @param password         database password
 */
public record InfrastructureEndpoints(String bootstrapServers, String jdbcUrl, String username, String password) {

    public InfrastructureEndpoints {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /**
     * Returns the endpoints as Spring Boot properties: {@code spring.kafka.bootstrap-servers},
     * {@code spring.datasource.url}, {@code spring.datasource.username} and
     * {@code spring.datasource.password}, in that order, in a new mutable map.
     */
    public Map<String, Object> asSpringProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
        properties.put("spring.datasource.url", jdbcUrl);
        properties.put("spring.datasource.username", username);
        properties.put("spring.datasource.password", password);
        return properties;
    }

    /** Hides the password. */
    @Override
    public String toString() {
        return "InfrastructureEndpoints[bootstrapServers=" + bootstrapServers + ", jdbcUrl=" + jdbcUrl
                + ", username=" + username + ", password=***]";
    }
}
