package dev.ordo.expression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.expression.Reference.StepOutputReference;
import dev.ordo.expression.Reference.VariableReference;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferencesTest {

    @Test
    void variables_are_listed_once_in_order_of_first_appearance() {
        assertThat(References.variables("${b} > 1 and ${a.x} == ${b} or ${ c }")).containsExactly("b", "a", "c");
    }

    @Test
    void step_references_are_not_variables() {
        String text = "${steps.fetch.output.total} > ${limit} && ${steps.check.output} != null && ${steps.fetch.output}";
        assertThat(References.variables(text)).containsExactly("limit");
        assertThat(References.steps(text)).containsExactly("fetch", "check");
    }

    @Test
    void a_text_without_references_has_none() {
        assertThat(References.variables("plain text")).isEmpty();
        assertThat(References.steps(null)).isEmpty();
    }

    @Test
    void every_reference_keeps_its_path() {
        assertThat(References.all("${order.items.0} ${steps.a.output.rows}")).containsExactly(
                new VariableReference("order", List.of("items", "0")),
                new StepOutputReference("a", List.of("rows")));
    }

    @Test
    void a_step_reference_without_output_is_malformed_and_not_listed() {
        assertThat(References.steps("${steps.a.result}")).isEmpty();
        assertThat(References.syntaxError("${steps.a.result}"))
                .contains("Expected ${variable} or ${steps.<name>.output...}, but found ${steps.a.result}");
    }

    @Test
    void well_formed_references_around_a_malformed_one_are_still_listed() {
        assertThat(References.variables("${a} ${} ${b}")).containsExactly("a", "b");
        assertThat(References.syntaxError("${a} ${} ${b}")).contains(
                "Expected ${variable} or ${steps.<name>.output...}, but found ${}");
    }

    @Test
    void an_unclosed_reference_is_reported_with_its_position() {
        assertThat(References.syntaxError("x ${a")).contains(
                "Expected '}' to close the reference at position 2, but the text ends");
    }

    @Test
    void well_formed_text_has_no_syntax_error() {
        assertThat(References.syntaxError("total: ${steps.a.output.total} for ${customer.name}")).isEmpty();
    }
}
