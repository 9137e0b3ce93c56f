package dev.ordo.projection.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresTextTest {

    @Test
    void a_nul_in_text_becomes_the_replacement_character() {
        assertThat(PostgresText.text("a\u0000b\u0000")).isEqualTo("a\ufffdb\ufffd");
    }

    @Test
    void unpaired_surrogates_become_the_replacement_character_and_pairs_stay() {
        String emoji = "\ud83d\ude00";
        assertThat(PostgresText.text("x\ud800y" + emoji + "\ude00")).isEqualTo("x\ufffdy" + emoji + "\ufffd");
        assertThat(PostgresText.text(emoji + "\ud83d")).isEqualTo(emoji + "\ufffd");
    }

    @Test
    void storable_text_and_null_are_kept_as_they_are() {
        String text = "plain, ünïcödé \ud83d\ude00 and a \\u0000 that is only written out";
        assertThat(PostgresText.text(text)).isSameAs(text);
        assertThat(PostgresText.text(null)).isNull();
        assertThat(PostgresText.json(null)).isNull();
    }

    @Test
    void a_nul_in_a_json_key_or_value_at_any_depth_becomes_the_replacement_escape() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("k\u0000", "v\u0000");
        value.put("nested", Map.of("list", List.of("\u0000", 1)));

        assertThat(PostgresText.json(value))
                .isEqualTo("{\"k\\ufffd\":\"v\\ufffd\",\"nested\":{\"list\":[\"\\ufffd\",1]}}");
    }

    @Test
    void escaped_unpaired_surrogates_are_replaced_and_escaped_pairs_and_backslashes_stay() {
        assertThat(PostgresText.jsonText("[\"\\ud800\", \"\\udc00x\", \"\\ud83d\\ude00\", \"\\\\u0000\", \"\\n\"]"))
                .isEqualTo("[\"\\ufffd\", \"\\ufffdx\", \"\\ud83d\\ude00\", \"\\\\u0000\", \"\\n\"]");
    }

    @Test
    void a_raw_unpaired_surrogate_in_json_becomes_the_replacement_character() {
        assertThat(PostgresText.json(Map.of("s", "\ud800"))).isEqualTo("{\"s\":\"\ufffd\"}");
    }
}
