package dev.ordo.cli.executions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.cli.CliFailure;
import dev.ordo.cli.ExitCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class InputAssignmentsTest {

    private static final Map<String, String> DECLARED = Map.of("zip", "string", "count", "int", "ratio", "float",
            "dry_run", "bool", "order", "json");

    @Test
    void a_declared_string_keeps_the_text_exactly_even_when_it_looks_like_a_number() {
        ObjectNode inputs = InputAssignments.parse(List.of("zip=01234", "count=3"), DECLARED);

        assertThat(inputs.get("zip").isString()).isTrue();
        assertThat(inputs.get("zip").asString()).isEqualTo("01234");
        assertThat(inputs.get("count").isInt()).isTrue();
    }

    @Test
    void typed_variables_take_json_values() {
        ObjectNode inputs = InputAssignments.parse(List.of("ratio=0.5", "dry_run=true", "order={\"id\": 7}"), DECLARED);

        assertThat(inputs.get("ratio").asDouble()).isEqualTo(0.5);
        assertThat(inputs.get("dry_run").asBoolean()).isTrue();
        assertThat(inputs.get("order").get("id").asInt()).isEqualTo(7);
    }

    @Test
    void an_undeclared_name_takes_json_when_it_is_json_and_text_otherwise() {
        ObjectNode inputs = InputAssignments.parse(List.of("n=42", "who=ada lovelace", "empty="), Map.of());

        assertThat(inputs.get("n").asInt()).isEqualTo(42);
        assertThat(inputs.get("who").asString()).isEqualTo("ada lovelace");
        assertThat(inputs.get("empty").asString()).isEmpty();
    }

    @Test
    void the_value_may_contain_equals_signs_and_a_later_assignment_wins() {
        ObjectNode inputs = InputAssignments.parse(List.of("query=a=b", "query=c=d"), Map.of("query", "string"));

        assertThat(inputs.get("query").asString()).isEqualTo("c=d");
    }

    @Test
    void an_assignment_without_a_key_or_a_typed_value_that_is_not_json_is_a_usage_error() {
        assertThatThrownBy(() -> InputAssignments.parse(List.of("=3"), DECLARED))
                .isInstanceOfSatisfying(CliFailure.class, failure -> assertThat(failure.exitCode()).isEqualTo(ExitCode.USAGE));
        assertThatThrownBy(() -> InputAssignments.parse(List.of("count=three"), DECLARED))
                .isInstanceOf(CliFailure.class).hasMessageContaining("declared int");
    }
}
