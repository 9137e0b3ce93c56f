package dev.ordo.expression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.expression.Verdict.Decided;
import dev.ordo.expression.Verdict.Failed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionsTest {

    static final ExpressionScope SCOPE = new ExpressionScope(
            mapWithNull(),
            Map.of("fetch", Map.of("total", 250, "status", "ok", "ratio", 0.5, "rows", List.of(1, 2, 3))));

    private static Map<String, Object> mapWithNull() {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("flag", true);
        variables.put("off_flag", false);
        variables.put("word", "Yes");
        variables.put("other_word", "maybe");
        variables.put("count", 3);
        variables.put("zero", 0);
        variables.put("limit", 100.0);
        variables.put("nothing", null);
        variables.put("order", Map.of("id", "o-1", "lines", List.of(Map.of("sku", "A"))));
        return variables;
    }

    static boolean holds(String expression) {
        Verdict verdict = Conditions.evaluate(expression, SCOPE);
        assertThat(verdict).as("verdict of %s", expression).isInstanceOf(Decided.class);
        return ((Decided) verdict).holds();
    }

    @Nested
    class Literals {

        @ParameterizedTest
        @ValueSource(strings = {"true", "1", "yes", "on", " YES ", "On", "TRUE"})
        void truth_words_are_true(String expression) {
            assertThat(holds(expression)).isTrue();
            assertThat(Conditions.syntaxError(expression)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"false", "0", "no", "off", "No", "OFF"})
        void falsity_words_are_false(String expression) {
            assertThat(holds(expression)).isFalse();
        }
    }

    @Nested
    class LoneReferences {

        @Test
        void a_boolean_variable_is_itself() {
            assertThat(holds("${flag}")).isTrue();
            assertThat(holds("${off_flag}")).isFalse();
        }

        @Test
        void a_string_variable_is_true_only_for_truth_words() {
            assertThat(holds("${word}")).isTrue();
            assertThat(holds("${other_word}")).isFalse();
        }

        @Test
        void a_number_is_true_unless_zero() {
            assertThat(holds("${count}")).isTrue();
            assertThat(holds("${zero}")).isFalse();
        }

        @Test
        void a_null_or_absent_variable_is_false() {
            assertThat(holds("${nothing}")).isFalse();
            assertThat(holds("${never_given}")).isFalse();
        }

        @Test
        void a_step_output_field_counts_by_its_truthiness() {
            assertThat(holds("${steps.fetch.output.total}")).isTrue();
            assertThat(holds("${steps.missing.output.total}")).isFalse();
        }
    }

    @Nested
    class RicherExpressions {

        @Test
        void comparisons_work_across_integers_and_fractions() {
            assertThat(holds("${steps.fetch.output.total} > ${limit}")).isTrue();
            assertThat(holds("${count} == 3.0")).isTrue();
            assertThat(holds("${steps.fetch.output.ratio} < 0.25")).isFalse();
        }

        @Test
        void the_words_and_or_not_are_the_logical_operators() {
            assertThat(holds("${flag} and ${count} >= 3")).isTrue();
            assertThat(holds("${off_flag} or not ${flag}")).isFalse();
            assertThat(holds("${flag} && !${off_flag}")).isTrue();
        }

        @Test
        void the_words_inside_string_literals_stay_text() {
            assertThat(holds("${steps.fetch.output.status} + ' and more' == 'ok and more'")).isTrue();
        }

        @Test
        void strings_nested_fields_and_lists_are_reachable() {
            assertThat(holds("${order.id} == 'o-1' && ${order.lines.0.sku} == 'A'")).isTrue();
            assertThat(holds("size(${steps.fetch.output.rows}) == 3 && 2 in ${steps.fetch.output.rows}")).isTrue();
            assertThat(holds("${steps.fetch.output.status}.startsWith('o')")).isTrue();
        }

        @Test
        void an_absent_reference_compares_as_null() {
            assertThat(holds("${never_given} == null")).isTrue();
        }

        @Test
        void a_type_mismatch_at_run_time_is_a_failed_verdict_naming_the_condition() {
            Verdict verdict = Conditions.evaluate("${order.id} > 5", SCOPE);
            assertThat(verdict).isInstanceOf(Failed.class);
            assertThat(((Failed) verdict).error())
                    .startsWith("Condition '${order.id} > 5' could not be evaluated: ")
                    .contains("No matching overload");
        }

        @Test
        void the_same_expression_always_gives_the_same_verdict() {
            for (int i = 0; i < 3; i++) {
                assertThat(holds("${count} * 2 == 6")).isTrue();
            }
        }
    }

    @Nested
    class Syntax {

        @Test
        void a_well_formed_expression_has_no_syntax_error() {
            assertThat(Conditions.syntaxError("${a} > 1 and (${steps.b.output.c} == 'x' or not ${d})")).isEmpty();
        }

        @Test
        void a_broken_expression_says_what_is_wrong() {
            assertThat(Conditions.syntaxError("${a} >")).get().asString()
                    .startsWith("Expected a valid expression, but ");
        }

        @Test
        void a_bare_name_asks_for_a_reference() {
            assertThat(Conditions.syntaxError("amount > 100"))
                    .contains("Expected a reference like ${amount}, but found the bare name 'amount'");
        }

        @Test
        void a_blank_condition_is_an_error() {
            assertThat(Conditions.syntaxError("  ")).contains("Expected a condition, but it is blank");
        }

        @Test
        void a_malformed_reference_is_an_error() {
            assertThat(Conditions.syntaxError("${steps.a} == 1"))
                    .contains("Expected ${variable} or ${steps.<name>.output...}, but found ${steps.a}");
            assertThat(Conditions.syntaxError("${a")).get().asString().startsWith("Expected '}'");
        }

        @Test
        void messages_are_deterministic() {
            assertThat(Conditions.syntaxError("${a} >")).isEqualTo(Conditions.syntaxError("${a} >"));
        }

        @Test
        void evaluating_an_invalid_condition_fails_with_the_syntax_error() {
            Verdict verdict = Conditions.evaluate("amount > 1", SCOPE);
            assertThat(verdict).isEqualTo(new Failed("Condition 'amount > 1' is invalid: "
                    + "Expected a reference like ${amount}, but found the bare name 'amount'"));
        }

        @Test
        void too_many_distinct_references_are_an_error() {
            StringBuilder text = new StringBuilder("true");
            for (int i = 0; i <= ConditionText.MAX_REFERENCES; i++) {
                text.append(" && ${v").append(i).append('}');
            }
            assertThat(Conditions.syntaxError(text.toString())).get().asString().contains("at most 32");
        }
    }
}
