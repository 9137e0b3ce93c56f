package dev.ordo.domain.validation;

import static dev.ordo.domain.validation.Drafts.step;
import static dev.ordo.domain.validation.Drafts.workflow;
import static dev.ordo.domain.validation.IssueType.INVALID_CONFIG;
import static dev.ordo.domain.validation.Verdict.whenValidated;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigRulesTest {

    @Test
    void an_unknown_step_type_is_invalid_config_listing_the_known_types() {
        whenValidated(workflow(step("a").type("webhook")))
                .thenErrorTypes(INVALID_CONFIG)
                .thenFinding(INVALID_CONFIG, "a", "Step 'a': step_type 'webhook' is unknown; expected one of task,"
                        + " condition, parallel, sequential, agent");
    }

    @Test
    void a_step_without_a_type_is_a_task() {
        whenValidated(workflow(step("a").type(null))).thenValid();
    }

    @Test
    void an_http_step_without_url_is_refused_by_its_handler_rules() {
        whenValidated(workflow(step("call").config("processing_type", "http")))
                .thenFinding(INVALID_CONFIG, "call", "Step 'call': config.url is required and must be a string");
    }

    @Test
    void an_http_step_needs_an_absolute_http_url_or_a_reference_and_a_known_method() {
        whenValidated(workflow(step("call").config("processing_type", "http").config("url", "ftp://files")))
                .thenFinding(INVALID_CONFIG, "call",
                        "Step 'call': config.url must be an absolute http or https URL, but is 'ftp://files'");
        whenValidated(workflow(step("call").config("processing_type", "http").config("url", "https://x.test/a")
                .config("method", "FETCH")))
                .thenFinding(INVALID_CONFIG, "call", "Step 'call': config.method must be one of DELETE, GET, HEAD,"
                        + " PATCH, POST, PUT, but is 'FETCH'");
        whenValidated(workflow(step("call").config("processing_type", "http").config("url", "${endpoint}")
                .config("method", "post").config("headers", Map.of("Accept", "application/json"))))
                .thenValid();
    }

    @Test
    void a_data_transformation_mapping_must_name_input_paths() {
        whenValidated(workflow(step("shape").config("processing_type", "data_transformation")
                .config("mapping", Map.of("total", 3))))
                .thenFinding(INVALID_CONFIG, "shape",
                        "Step 'shape': config.mapping must map output field names to non-empty input paths");
    }

    @Test
    void an_http_request_step_without_url_is_invalid_config_as_its_alias_http_is() {
        whenValidated(workflow(step("call").config("processing_type", "http_request")))
                .thenErrorTypes(INVALID_CONFIG)
                .thenFinding(INVALID_CONFIG, "call", "Step 'call': config.url is required and must be a string");
        whenValidated(workflow(step("call").config("processing_type", "http_request").config("url", "https://x.test/a")
                .config("timeout_ms", 2500).config("body", Map.of("order", "${order}"))))
                .thenValid();
    }

    @Test
    void an_http_request_timeout_is_a_whole_number_of_milliseconds() {
        whenValidated(workflow(step("call").config("processing_type", "http_request").config("url", "https://x.test/a")
                .config("timeout_ms", 0)))
                .thenFinding(INVALID_CONFIG, "call",
                        "Step 'call': config.timeout_ms must be a whole number of at least 1, but is '0'");
    }

    @Test
    void a_data_transformation_mapping_may_hold_expressions_that_parse() {
        whenValidated(workflow(step("shape").config("processing_type", "data_transformation")
                .config("mapping", Map.of("total", "order.amount * 2", "who", "customer.name", "raw", "${steps.a.output}"))))
                .thenValid();
        whenValidated(workflow(step("shape").config("processing_type", "data_transformation")
                .config("mapping", Map.of("total", "order.amount *"))))
                .thenErrorTypes(INVALID_CONFIG);
    }

    @Test
    void the_config_rules_of_a_custom_handler_on_the_classpath_judge_its_steps() {
        whenValidated(workflow(step("locate").config("processing_type", TestGeocodeConfig.TYPE)))
                .thenErrorTypes(INVALID_CONFIG)
                .thenFinding(INVALID_CONFIG, "locate", "Step 'locate': config.address is required");
        whenValidated(workflow(step("locate").config("processing_type", TestGeocodeConfig.TYPE)
                .config("address", "1 Main St"))).thenValid().thenWarningTypes();
    }

    @Test
    void two_config_rules_for_one_processing_type_are_refused_naming_both() {
        assertThatThrownBy(() -> ProcessingTypes.index(List.of(new TestGeocodeConfig(), new TestGeocodeConfig())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Expected one config rule per processing_type, but 'test_geocode' is claimed by both "
                        + TestGeocodeConfig.class.getName() + " and " + TestGeocodeConfig.class.getName());
    }

    @Test
    void a_delay_step_needs_a_duration_and_a_sleep_step_too() {
        whenValidated(workflow(step("wait").config("processing_type", "delay")))
                .thenFinding(INVALID_CONFIG, "wait", "Step 'wait': config.delay_ms or config.delay_seconds is required"
                        + " and must be a number of at least 0");
        whenValidated(workflow(step("wait").config("processing_type", "delay").config("delay_seconds", 1.5))).thenValid();
        whenValidated(workflow(step("nap").config("processing_type", "sleep").config("millis", -1)))
                .thenFinding(INVALID_CONFIG, "nap", "Step 'nap': config.millis or config.seconds is required"
                        + " and must be a number of at least 0");
    }

    @Test
    void a_flaky_step_fails_a_whole_number_of_times() {
        whenValidated(workflow(step("chaos").config("processing_type", "flaky").config("fail_times", 1.5)))
                .thenFinding(INVALID_CONFIG, "chaos", "Step 'chaos': config.fail_times must be a whole number of at least 0");
        whenValidated(workflow(step("chaos").config("processing_type", "flaky").config("fail_times", 2))).thenValid();
    }

    @Test
    void a_processing_type_that_is_not_a_string_is_invalid() {
        whenValidated(workflow(step("a").config("processing_type", 42)))
                .thenFinding(INVALID_CONFIG, "a", "Step 'a': config.processing_type must be a non-empty string");
    }

    @Test
    void a_condition_step_needs_an_expression() {
        whenValidated(workflow(step("gate").type("condition")))
                .thenFinding(INVALID_CONFIG, "gate", "Step 'gate': a condition step needs a condition_expression");
    }

    @Test
    void inputs_must_be_an_object_and_agent_capabilities_a_list_of_names() {
        whenValidated(workflow(step("a").config("inputs", List.of("x"))))
                .thenFinding(INVALID_CONFIG, "a", "Step 'a': config.inputs must be an object mapping input names to"
                        + " values or ${...} references");
        whenValidated(workflow(step("a").type("agent").config("required_capabilities", "gpu")))
                .thenFinding(INVALID_CONFIG, "a", "Step 'a': config.required_capabilities must be a list of"
                        + " capability names");
        whenValidated(workflow(step("a").type("agent").config("required_capabilities", List.of("gpu")))).thenValid();
    }

    /** Validation reads a step as the engine runs it: one StepKind. */
    @Test
    void a_condition_step_may_keep_its_expression_in_config_as_the_engine_reads_it() {
        whenValidated(workflow(step("gate").type("condition").config("condition", "yes"))).thenValid();
        whenValidated(workflow(step("a"), step("gate").order(2).after("a").type("condition")
                .config("expression", "${steps.a.output.ok}"))).thenValid();
    }

    @Test
    void a_delay_reads_delay_seconds_when_delay_ms_holds_nothing_as_the_engine_does() {
        whenValidated(workflow(step("wait").config("processing_type", "delay").config("delay_ms", null)
                .config("delay_seconds", 2))).thenValid();
    }
}
