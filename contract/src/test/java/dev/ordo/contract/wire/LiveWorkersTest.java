package dev.ordo.contract.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveWorkersTest {

    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    final LiveWorkers registry = new LiveWorkers();

    void announced(String id, List<String> capabilities, int inFlight, Instant at) {
        registry.apply(id, JsonCodec.instance().encode(new WorkerAnnouncement(id, capabilities, 4, inFlight, at)));
    }

    @Test
    void a_worker_is_live_while_its_last_announcement_is_younger_than_three_intervals() {
        announced("w1", List.of(), 0, NOW.minusSeconds(20));
        announced("w1", List.of(), 2, NOW.minusSeconds(14));
        announced("w2", List.of("gpu"), 1, NOW.minusSeconds(16));

        assertThat(registry.live(NOW)).extracting(WorkerAnnouncement::workerId, WorkerAnnouncement::tasksInFlight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("w1", 2));
    }

    @Test
    void a_worker_that_stopped_cleanly_is_gone_at_once() {
        announced("w1", List.of("gpu"), 0, NOW);
        registry.apply("w1", null);

        assertThat(registry.live(NOW)).isEmpty();
        assertThat(registry.canServe(List.of(), NOW)).isFalse();
    }

    @Test
    void a_capability_set_can_be_served_when_a_live_worker_has_all_of_it() {
        announced("w1", List.of("de", "gpu"), 0, NOW);
        announced("w2", List.of("fpga"), 0, NOW.minusSeconds(60));

        assertThat(registry.canServe(List.of("gpu"), NOW)).isTrue();
        assertThat(registry.canServe(List.of("gpu", "de"), NOW)).isTrue();
        assertThat(registry.canServe(List.of("fpga"), NOW)).isFalse();
    }
}
