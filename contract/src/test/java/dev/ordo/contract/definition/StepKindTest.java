package dev.ordo.contract.definition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.definition.StepKind.AgentTask;
import dev.ordo.contract.definition.StepKind.ConditionGate;
import dev.ordo.contract.definition.StepKind.Delay;
import dev.ordo.contract.definition.StepKind.Parsed;
import dev.ordo.contract.definition.StepKind.Structural;
import dev.ordo.contract.definition.StepKind.WorkerTask;
import dev.ordo.contract.execution.StepTask;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StepKindTest {

    static StepSpec step(String type, String condition, Map<String, Object> config) {
        return new StepSpec("s", type, 1, List.of(), null, null, condition, config);
    }

    @Nested
    class Kinds {

        @Test
        void parallel_and_sequential_are_structural_markers() {
            assertThat(StepKind.of(step("parallel", null, Map.of()))).isEqualTo(new Structural("parallel"));
            assertThat(StepKind.of(step("sequential", null, Map.of()))).isEqualTo(new Structural("sequential"));
        }

        @Test
        void a_task_without_a_processing_type_runs_the_default_handler() {
            assertThat(StepKind.of(step("task", null, Map.of()))).isEqualTo(new WorkerTask("default"));
            assertThat(StepKind.of(step(null, null, Map.of("processing_type", "http")))).isEqualTo(new WorkerTask("http"));
        }

        @Test
        void a_task_with_processing_type_delay_is_an_engine_timer() {
            assertThat(StepKind.of(step("task", null, Map.of("processing_type", "delay", "delay_ms", 1500))))
                    .isEqualTo(new Delay(Duration.ofMillis(1500)));
            assertThat(StepKind.of(step("task", null, Map.of("processing_type", "delay", "delay_seconds", 0.25))))
                    .isEqualTo(new Delay(Duration.ofMillis(250)));
        }

        @Test
        void an_agent_carries_the_capabilities_it_requires() {
            assertThat(StepKind.of(step("agent", null, Map.of("processing_type", "ocr",
                    "required_capabilities", List.of("gpu", "de")))))
                    .isEqualTo(new AgentTask("ocr", List.of("gpu", "de")));
            assertThat(StepKind.of(step("agent", null, Map.of()))).isEqualTo(new AgentTask("default", List.of()));
        }

        @Test
        void a_gate_takes_its_expression_from_the_field_then_config_condition_then_config_expression() {
            assertThat(StepKind.of(step("condition", "${a}", Map.of("condition", "${b}"))))
                    .isEqualTo(new ConditionGate("${a}", "condition_expression"));
            assertThat(StepKind.of(step("condition", " ", Map.of("condition", "${b}", "expression", "${c}"))))
                    .isEqualTo(new ConditionGate("${b}", "config.condition"));
            assertThat(StepKind.of(step("condition", null, Map.of("expression", "${c}"))))
                    .isEqualTo(new ConditionGate("${c}", "config.expression"));
        }

        @Test
        void a_task_is_read_from_its_step_type_and_config() {
            StepTask task = new StepTask(UUID.randomUUID(), "s", "agent", 1,
                    Map.of("processing_type", "ocr", "required_capabilities", List.of("gpu")), Map.of(), null);
            assertThat(StepKind.of(task)).isEqualTo(new AgentTask("ocr", List.of("gpu")));
        }
    }

    @Nested
    class Problems {

        @Test
        void a_well_formed_step_has_none() {
            assertThat(StepKind.read("task", null, Map.of("processing_type", "http")).problems()).isEmpty();
            assertThat(StepKind.read("condition", "yes", null).problems()).isEmpty();
        }

        @Test
        void an_unknown_step_type_is_one_and_runs_as_a_worker_task() {
            Parsed<StepKind> read = StepKind.read("robot", null, Map.of());
            assertThat(read.problems()).containsExactly(
                    "step_type 'robot' is unknown; expected one of task, condition, parallel, sequential, agent");
            assertThat(read.value()).isEqualTo(new WorkerTask("default"));
        }

        @Test
        void a_processing_type_that_is_not_a_non_empty_string_is_one() {
            Map<String, Object> config = new HashMap<>();
            config.put("processing_type", null);
            assertThat(StepKind.read("task", null, config))
                    .isEqualTo(new Parsed<StepKind>(new WorkerTask(null),
                            List.of("config.processing_type must be a non-empty string")));
            assertThat(StepKind.read("task", null, Map.of("processing_type", 42)).problems()).hasSize(1);
        }

        @Test
        void a_delay_without_a_duration_of_at_least_zero_waits_nothing() {
            String problem = "config.delay_ms or config.delay_seconds is required and must be a number of at least 0";
            assertThat(StepKind.read("task", null, Map.of("processing_type", "delay")))
                    .isEqualTo(new Parsed<StepKind>(new Delay(Duration.ZERO), List.of(problem)));
            assertThat(StepKind.read("task", null, Map.of("processing_type", "delay", "delay_ms", -1)).problems())
                    .containsExactly(problem);
            assertThat(StepKind.read("task", null, Map.of("processing_type", "delay", "delay_ms", "1500")).problems())
                    .containsExactly(problem);
        }

        @Test
        void capabilities_that_are_not_a_list_of_names_are_one() {
            assertThat(StepKind.read("agent", null, Map.of("required_capabilities", "gpu")))
                    .isEqualTo(new Parsed<StepKind>(new AgentTask("default", List.of()),
                            List.of("config.required_capabilities must be a list of capability names"
                                    + " (letters, digits, '_' and '-')")));
        }

        @Test
        void a_capability_that_cannot_name_a_topic_part_is_one() {
            assertThat(StepKind.read("agent", null, Map.of("required_capabilities", List.of("gpu", "a.b"))).problems())
                    .containsExactly("config.required_capabilities must be a list of capability names"
                            + " (letters, digits, '_' and '-')");
        }

        @Test
        void a_gate_without_any_expression_is_one() {
            assertThat(StepKind.read("condition", null, Map.of()))
                    .isEqualTo(new Parsed<StepKind>(new ConditionGate(null, null),
                            List.of("a condition step needs a condition_expression")));
        }
    }

    @Nested
    class Sleep {

        @Test
        void a_sleep_waits_millis_else_seconds() {
            assertThat(StepKind.sleep(Map.of("millis", 40, "seconds", 9)).value()).isEqualTo(Duration.ofMillis(40));
            assertThat(StepKind.sleep(Map.of("seconds", 1.5)).value()).isEqualTo(Duration.ofMillis(1500));
        }

        @Test
        void a_sleep_without_a_duration_of_at_least_zero_is_a_problem_and_waits_nothing() {
            Parsed<Duration> read = StepKind.sleep(Map.of("millis", -1));
            assertThat(read.value()).isEqualTo(Duration.ZERO);
            assertThat(read.problems()).containsExactly(
                    "config.millis or config.seconds is required and must be a number of at least 0");
        }
    }

    @Nested
    class HeartbeatTimeout {

        @Test
        void a_step_without_the_key_has_no_heartbeat_timeout() {
            assertThat(StepKind.heartbeatTimeout(Map.of()).value()).isNull();
            assertThat(StepKind.heartbeatTimeout(null).problems()).isEmpty();
        }

        @Test
        void the_timeout_is_read_in_seconds_with_fractions() {
            assertThat(StepKind.heartbeatTimeout(Map.of("heartbeat_timeout_seconds", 2)).value())
                    .isEqualTo(Duration.ofSeconds(2));
            assertThat(StepKind.heartbeatTimeout(Map.of("heartbeat_timeout_seconds", 0.5)).value())
                    .isEqualTo(Duration.ofMillis(500));
        }

        @Test
        void a_timeout_that_is_not_a_number_above_zero_is_a_problem_of_the_task_and_reads_as_none() {
            Map<String, Object> config = Map.of("heartbeat_timeout_seconds", 0);
            assertThat(StepKind.heartbeatTimeout(config).value()).isNull();
            assertThat(StepKind.read("task", null, config).problems()).containsExactly(
                    "config.heartbeat_timeout_seconds must be a number of seconds greater than 0");
            assertThat(StepKind.read("agent", null, Map.of("heartbeat_timeout_seconds", "soon")).problems())
                    .containsExactly("config.heartbeat_timeout_seconds must be a number of seconds greater than 0");
        }
    }
}
