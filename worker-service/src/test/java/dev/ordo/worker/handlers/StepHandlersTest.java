package dev.ordo.worker.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.contract.execution.StepTask;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StepHandlersTest {

    @Test
    void a_handler_found_by_the_service_loader_runs_beside_the_beans() {
        StepHandlers handlers = new StepHandlers(List.of(new PassThroughHandler()));

        assertThat(handlers.processingTypes()).contains("default", "test_reverse");
        assertThat(handlers.run(task("task", Map.of("processing_type", "test_reverse", "text", "ordo"))))
                .isEqualTo(StepOutcome.succeeded(Map.of("text", "odro")));
    }

    @Test
    void a_handler_that_is_both_a_bean_and_a_service_counts_once() {
        StepHandlers handlers = new StepHandlers(List.of(new ReverseTextHandler()));

        assertThat(handlers.processingTypes()).contains("test_reverse");
    }

    @Test
    void two_handlers_for_one_processing_type_stop_the_registry_naming_both() {
        StepHandler other = new StepHandler() {
            @Override
            public String processingType() {
                return "test_reverse";
            }

            @Override
            public StepOutcome handle(StepTask task, HandlerContext context) {
                return StepOutcome.succeeded(Map.of());
            }
        };

        assertThatThrownBy(() -> new StepHandlers(List.of(other), List.of(new ReverseTextHandler())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Expected one handler per processing_type, but 'test_reverse' is claimed by both "
                        + other.getClass().getName() + " and " + ReverseTextHandler.class.getName());
    }

    @Test
    void a_config_the_handler_refuses_fails_the_attempt_terminally_without_running_it() {
        StepHandlers handlers = new StepHandlers(List.of(), List.of(new ReverseTextHandler()));

        assertThat(handlers.run(task("task", Map.of("processing_type", "test_reverse"))))
                .isEqualTo(StepOutcome.failedTerminally("Invalid config for processing_type 'test_reverse':"
                        + " config.text is required"));
    }

    @Test
    void an_unknown_processing_type_fails_terminally_and_an_agent_step_without_one_runs_default() {
        StepHandlers handlers = new StepHandlers(List.of(new PassThroughHandler()), List.of());

        assertThat(handlers.run(task("task", Map.of("processing_type", "ocr"))))
                .isEqualTo(StepOutcome.failedTerminally("No handler for processing_type 'ocr'"));
        assertThat(handlers.run(task("agent", Map.of("required_capabilities", List.of("gpu")))))
                .isEqualTo(StepOutcome.succeeded(Map.of("n", 1)));
    }

    @Test
    void a_handler_that_throws_fails_the_attempt_retryably() {
        StepHandler broken = new StepHandler() {
            @Override
            public String processingType() {
                return "test_broken";
            }

            @Override
            public StepOutcome handle(StepTask task, HandlerContext context) {
                throw new IllegalStateException("disk full");
            }
        };

        assertThat(new StepHandlers(List.of(broken), List.of()).run(task("task", Map.of("processing_type", "test_broken"))))
                .isEqualTo(new StepOutcome.Failed("test_broken handler failed: disk full", true));
    }

    private static StepTask task(String stepType, Map<String, Object> config) {
        return new StepTask(UUID.randomUUID(), "s", stepType, 1, config, Map.of("n", 1), Instant.now().plusSeconds(5));
    }
}
