package dev.ordo.api.web;

import static dev.ordo.api.web.OpenApiDocument.object;

import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.List;
import java.util.Map;

/**
 * One example for each request body schema of the API, meant to be accepted as it stands (no test posts it yet), so that
 * Swagger UI and generated clients show a body that works. A body whose schema has no example here keeps
 * none, which the document's test reports.
 */
final class RequestBodyExamples {

    private static final Map<String, Object> EXAMPLES = Map.of(
            "WorkflowCreate", object(
                    "name", "order-fulfilment",
                    "description", "Reserve stock, then charge",
                    "timeout_seconds", 3600,
                    "max_retries", 3,
                    "steps", List.of(
                            object("name", "reserve", "step_order", 1,
                                    "config", object("processing_type", "default",
                                            "inputs", object("order", "${input.order_id}"))),
                            object("name", "charge", "step_order", 2, "depends_on_steps", List.of("reserve"),
                                    "config", object("processing_type", "default"))),
                    "variables", List.of(object("name", "order_id", "data_type", "string", "is_required", true))),
            "WorkflowUpdate", object("description", "Reserve stock, charge, then ship", "is_active", true),
            "ExecuteRequest", object("input_variables", object("order_id", "A-1001")),
            "RetryRequest", object("step_inputs", object("charge", object("amount", 42))),
            "NamedSlug", object("name", "Team A", "slug", "team-a"),
            "ApiKeyRequest", object("workspace_slug", "team-a", "name", "ci pipeline"));

    private RequestBodyExamples() {
    }

    static void apply(RequestBody body) {
        if (body.getContent() == null) {
            return;
        }
        body.getContent().values().forEach(RequestBodyExamples::apply);
    }

    private static void apply(MediaType media) {
        if (media.getExample() != null || media.getSchema() == null || media.getSchema().get$ref() == null) {
            return;
        }
        String ref = media.getSchema().get$ref();
        Object example = EXAMPLES.get(ref.substring(ref.lastIndexOf('/') + 1));
        if (example != null) {
            media.setExample(example);
        }
    }
}
