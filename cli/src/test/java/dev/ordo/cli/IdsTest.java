package dev.ordo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void only_a_canonical_uuid_counts_as_an_id_so_that_everything_else_is_taken_as_a_name_or_slug() {
        assertThat(Ids.isUuid("0b4571ad-2a0b-407b-b69b-16f561fc3c33")).isTrue();
        assertThat(Ids.isUuid("1-1-1-1-1")).isFalse();
        assertThat(Ids.isUuid("team-a")).isFalse();
        assertThat(Ids.isUuid("")).isFalse();
        assertThat(Ids.isUuid(null)).isFalse();
    }
}
