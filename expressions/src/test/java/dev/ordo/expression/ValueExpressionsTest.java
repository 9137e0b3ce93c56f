package dev.ordo.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueExpressionsTest {

    private static final Map<String, Object> ORDER = Map.of(
            "order", Map.of("amount", 40, "currency", "eur", "lines", List.of(Map.of("sku", "a"), Map.of("sku", "b"))),
            "customer", Map.of("name", "Ada", "email", "ada@example.org"),
            "odd-name", true);

    @Test
    void a_dotted_path_is_the_value_it_leads_to_with_its_type_kept() {
        assertThat(ValueExpressions.evaluate("order.amount", ORDER)).isEqualTo(new Evaluation.Value(40));
        assertThat(ValueExpressions.evaluate("customer", ORDER))
                .isEqualTo(new Evaluation.Value(Map.of("name", "Ada", "email", "ada@example.org")));
        assertThat(ValueExpressions.evaluate("odd-name", ORDER)).isEqualTo(new Evaluation.Value(true));
    }

    @Test
    void an_expression_computes_over_the_input_fields() {
        assertThat(ValueExpressions.evaluate("order.amount * 2 + 1", ORDER)).isEqualTo(new Evaluation.Value(81L));
        assertThat(ValueExpressions.evaluate("order.lines.size()", ORDER)).isEqualTo(new Evaluation.Value(2L));
        assertThat(ValueExpressions.evaluate("customer.name + ' <' + customer.email + '>'", ORDER))
                .isEqualTo(new Evaluation.Value("Ada <ada@example.org>"));
        assertThat(ValueExpressions.evaluate("order.lines.map(l, l.sku)", ORDER))
                .isEqualTo(new Evaluation.Value(List.of("a", "b")));
        assertThat(ValueExpressions.evaluate("has(order.discount) ? order.discount : 0", ORDER))
                .isEqualTo(new Evaluation.Value(0L));
        assertThat(ValueExpressions.evaluate("input['odd-name'] && order.amount > 10", ORDER))
                .isEqualTo(new Evaluation.Value(true));
        assertThat(ValueExpressions.evaluate("{'total': order.amount, 'paid': false}", ORDER))
                .isEqualTo(new Evaluation.Value(Map.of("total", 40L, "paid", false)));
    }

    @Test
    void a_path_that_leads_nowhere_says_so() {
        assertThat(ValueExpressions.evaluate("order.tax", ORDER))
                .isEqualTo(new Evaluation.Failed("Input has no field at path 'order.tax'"));
        assertThat(ValueExpressions.evaluate("shipping", ORDER))
                .isEqualTo(new Evaluation.Failed("Input has no field at path 'shipping'"));
    }

    @Test
    void an_expression_that_fails_names_itself() {
        Evaluation failed = ValueExpressions.evaluate("order.amount + customer.name", ORDER);

        assertThat(failed).isInstanceOf(Evaluation.Failed.class);
        assertThat(((Evaluation.Failed) failed).error()).startsWith("Expression 'order.amount + customer.name' could not be");
    }

    @Test
    void only_text_that_is_neither_a_path_nor_cel_is_a_syntax_error() {
        assertThat(ValueExpressions.syntaxError("order.amount")).isEmpty();
        assertThat(ValueExpressions.syntaxError("unknown_field * 2")).isEmpty();
        assertThat(ValueExpressions.syntaxError("order.amount *")).get().asString().startsWith("Expected a valid expression");
        assertThat(ValueExpressions.syntaxError(" ")).contains("Expected an input path or an expression, but it is blank");
    }
}
