package dev.ordo.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeyMaterialTest {

    @Test
    void an_issued_key_parses_back_to_its_id_and_its_secret_matches_only_the_stored_digest() {
        KeyMaterial.Issued issued = KeyMaterial.issue();

        KeyMaterial.Presented presented = KeyMaterial.parse(issued.text()).orElseThrow();

        assertThat(presented.keyId()).isEqualTo(issued.keyId());
        assertThat(KeyMaterial.matches(presented.secret(), issued.secretSha256())).isTrue();
        assertThat(KeyMaterial.matches(presented.secret() + "x", issued.secretSha256())).isFalse();
        assertThat(KeyMaterial.matches(presented.secret(), KeyMaterial.issue().secretSha256())).isFalse();
    }

    @Test
    void keys_are_never_repeated_and_anything_not_in_the_key_format_is_no_key() {
        assertThat(IntStream.range(0, 1000).mapToObj(i -> KeyMaterial.issue().text()).distinct()).hasSize(1000);
        String valid = KeyMaterial.issue().text();
        for (String text : new String[] {"", "ordo_", valid + "=", valid.toUpperCase(), valid.replace("ordo_", "odro_"),
                valid.substring(1), " " + valid}) {
            assertThat(KeyMaterial.parse(text)).as(text).isEmpty();
        }
    }
}
