package dev.ordo.worker.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void text_without_nul_or_lone_surrogates_is_kept_as_it_is() {
        String text = "plain, accentué, and a pair: \uD83D\uDE00";

        assertThat(StorableText.of(text)).isSameAs(text);
    }

    @Test
    void nul_becomes_the_replacement_character() {
        assertThat(StorableText.of("a\u0000b\u0000")).isEqualTo("a\uFFFDb\uFFFD");
    }

    @Test
    void a_surrogate_without_its_pair_becomes_the_replacement_character_and_a_pair_stays() {
        assertThat(StorableText.of("\uD800x\uDC00 \uD83D\uDE00 \uD83D")).isEqualTo("\uFFFDx\uFFFD \uD83D\uDE00 \uFFFD");
    }

    @Test
    void the_rule_reaches_every_key_and_string_however_deep_and_keeps_other_values() {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("k\u0000", "v\u0000");
        output.put("list", List.of("\u0000", Map.of("deep\u0000", List.of("x\u0000"))));
        output.put("n", 7);
        output.put("none", null);

        Map<String, Object> storable = StorableText.withinMap(output);

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("k\uFFFD", "v\uFFFD");
        expected.put("list", List.of("\uFFFD", Map.of("deep\uFFFD", List.of("x\uFFFD"))));
        expected.put("n", 7);
        expected.put("none", null);
        assertThat(storable).containsExactlyEntriesOf(expected);
        assertThat(StorableText.within(Arrays.asList(true, null))).isEqualTo(Arrays.asList(true, null));
    }
}
