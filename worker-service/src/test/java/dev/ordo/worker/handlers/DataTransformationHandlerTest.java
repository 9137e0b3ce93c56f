package dev.ordo.worker.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.execution.StepTask;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DataTransformationHandlerTest {

    private static final Map<String, Object> INPUT = Map.of(
            "order", Map.of("amount", 40, "lines", List.of(Map.of("sku", "a"), Map.of("sku", "b"))),
            "customer", "ada");

    private final StepHandlers handlers = new StepHandlers(List.of(new DataTransformationHandler()), List.of());

    @Test
    void without_a_mapping_the_input_passes_through() {
        assertThat(transform(Map.of())).isEqualTo(StepOutcome.succeeded(INPUT));
    }

    @Test
    void a_mapping_of_dotted_paths_selects_input_fields_as_before() {
        assertThat(transform(Map.of("mapping", Map.of("total", "order.amount", "who", "customer"))))
                .isEqualTo(StepOutcome.succeeded(Map.of("total", 40, "who", "ada")));
    }

    @Test
    void a_mapping_of_expressions_computes_output_fields() {
        assertThat(transform(Map.of("mapping", Map.of("doubled", "order.amount * 2", "skus", "order.lines.map(l, l.sku)",
                "big", "order.amount > 100"))))
                .isEqualTo(StepOutcome.succeeded(Map.of("doubled", 80L, "skus", List.of("a", "b"), "big", false)));
    }

    @Test
    void uppercase_applies_to_the_mapped_output() {
        assertThat(transform(Map.of("mapping", Map.of("who", "customer"), "uppercase", List.of("who"))))
                .isEqualTo(StepOutcome.succeeded(Map.of("who", "ADA")));
    }

    @Test
    void a_path_that_leads_nowhere_fails_terminally_naming_the_field() {
        assertThat(transform(Map.of("mapping", Map.of("tax", "order.tax"))))
                .isEqualTo(StepOutcome.failedTerminally("config.mapping.tax: Input has no field at path 'order.tax'"));
    }

    @Test
    void an_expression_that_does_not_parse_is_refused_by_the_config_rules() {
        StepOutcome outcome = transform(Map.of("mapping", Map.of("total", "order.amount *")));

        assertThat(outcome).isInstanceOf(StepOutcome.Failed.class);
        assertThat(((StepOutcome.Failed) outcome).retryable()).isFalse();
        assertThat(((StepOutcome.Failed) outcome).error()).startsWith("Invalid config for processing_type"
                + " 'data_transformation': config.mapping.total is not an input path or an expression");
    }

    private StepOutcome transform(Map<String, Object> config) {
        Map<String, Object> withType = new java.util.LinkedHashMap<>(config);
        withType.put("processing_type", "data_transformation");
        return handlers.run(new StepTask(UUID.randomUUID(), "shape", "task", 1, withType, INPUT,
                Instant.now().plusSeconds(5)));
    }
}
