package dev.ordo.api.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes {@code /openapi.json} name properties as the API writes and reads them, in snake_case.
 * (The schema generator introspects with its own Jackson 2 mapper, which knows nothing of the
 * application's Jackson 3 naming strategy.)
 */
@Configuration(proxyBeanMethods = false)
class OpenApiSchemas {

    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
