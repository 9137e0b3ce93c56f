package dev.ordo.api.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What {@code /openapi.json} says beyond the controllers' own annotations: the title, the version of
 * the build, and, on every operation, the error answers the filters and the global exception handlers
 * give whatever the route (401, 413, 415, 422, 503 as they apply), each with the {@link ErrorBody}
 * schema; and an example for every request body. An answer a controller already documents is kept.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    static final String TITLE = "Ordo workflow orchestration API";
    private static final String ERROR_SCHEMA = "#/components/schemas/ErrorBody";

    @Bean
    OpenApiCustomizer ordoDocument(ObjectProvider<BuildProperties> build) {
        return openApi -> {
            BuildProperties properties = build.getIfAvailable();
            openApi.setInfo(new Info().title(TITLE)
                    .version(properties == null ? "unknown" : properties.getVersion())
                    .description("Define workflows as graphs of steps, run them on Kafka Streams, follow their"
                            + " executions step by step. Every error answer is {\"detail\": ...}; property and"
                            + " parameter names are snake_case."));
            if (openApi.getPaths() != null) {
                openApi.getPaths().forEach((template, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> complete(method, operation)));
            }
        };
    }

    private static void complete(PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean hasBody = operation.getRequestBody() != null;
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean hasPathId = parameters.stream().anyMatch(p -> "path".equals(p.getIn()));
        addIfMissing(responses, "401", "With authentication on: no API key, or one that is unknown or revoked");
        if (hasPathId) {
            addIfMissing(responses, "404", "Not found");
        }
        if (hasBody) {
            addIfMissing(responses, "413", "Request body over ordo.http.max-body-size");
            addIfMissing(responses, "415", "Content type must be application/json");
        }
        if (hasBody || !parameters.isEmpty()) {
            addIfMissing(responses, "422", "Malformed body or parameter");
        }
        addIfMissing(responses, "503", "Database unavailable, or no database connection free; try again shortly");
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                withErrorSchema(response);
            }
        });
        if (hasBody) {
            RequestBodyExamples.apply(operation.getRequestBody());
        }
    }

    private static void addIfMissing(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description));
        }
    }

    private static void withErrorSchema(ApiResponse response) {
        Content content = response.getContent() == null ? new Content() : response.getContent();
        if (content.isEmpty()) {
            content.addMediaType("application/json", new MediaType());
        }
        content.values().forEach(media -> {
            Schema<?> schema = media.getSchema();
            if (schema == null || (schema.get$ref() == null && schema.getType() == null && schema.getTypes() == null)) {
                media.setSchema(new Schema<>().$ref(ERROR_SCHEMA));
            }
        });
        response.setContent(content);
    }

    /** A JSON object with its keys in the order given: key, value, key, value... */
    static Map<String, Object> object(Object... pairs) {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
