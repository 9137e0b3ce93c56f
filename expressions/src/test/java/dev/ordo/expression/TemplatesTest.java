package dev.ordo.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    static final ExpressionScope SCOPE = new ExpressionScope(
            Map.of("customer", Map.of("name", "Ada"), "count", 3),
            Map.of("fetch", Map.of("total", 250, "items", List.of("a", "b"))));

    @Test
    void a_lone_reference_keeps_the_type_of_its_value() {
        assertThat(Templates.resolve("${count}", SCOPE)).isEqualTo(3);
        assertThat(Templates.resolve(" ${steps.fetch.output.items} ", SCOPE)).isEqualTo(List.of("a", "b"));
        assertThat(Templates.resolve("${steps.fetch.output}", SCOPE))
                .isEqualTo(Map.of("total", 250, "items", List.of("a", "b")));
    }

    @Test
    void references_inside_text_are_written_as_text() {
        assertThat(Templates.resolve("Dear ${customer.name}, total ${steps.fetch.output.total}", SCOPE))
                .isEqualTo("Dear Ada, total 250");
    }

    @Test
    void an_absent_reference_is_null_alone_and_nothing_inside_text() {
        assertThat(Templates.resolve("${missing}", SCOPE)).isNull();
        assertThat(Templates.resolve("[${missing}]", SCOPE)).isEqualTo("[]");
    }

    @Test
    void maps_and_lists_are_resolved_all_the_way_down_and_other_values_kept() {
        Object resolved = Templates.resolve(Map.of("who", Map.of("name", "${customer.name}"),
                "list", List.of("${count}", 7), "flag", true), SCOPE);
        assertThat(resolved).isEqualTo(Map.of("who", Map.of("name", "Ada"), "list", List.of(3, 7), "flag", true));
    }

    @Test
    void text_without_references_is_unchanged() {
        assertThat(Templates.resolve("plain $ {not} a reference", SCOPE)).isEqualTo("plain $ {not} a reference");
    }
}
