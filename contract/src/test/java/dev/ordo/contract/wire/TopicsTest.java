package dev.ordo.contract.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TopicsTest {

    final Topics topics = new Topics("workflow");

    @Test
    void a_capability_set_has_one_task_topic_whatever_the_order_and_repetitions() {
        assertThat(topics.stepTasks(List.of())).isEqualTo("workflow.step-tasks");
        assertThat(topics.stepTasks(List.of("gpu"))).isEqualTo("workflow.step-tasks.gpu");
        assertThat(topics.stepTasks(List.of("gpu", "de", "gpu"))).isEqualTo("workflow.step-tasks.de.gpu");
    }

    @Test
    void a_worker_serves_the_plain_topic_and_every_topic_of_a_subset_of_its_capabilities() {
        Pattern served = topics.stepTasksFor(Set.of("gpu", "de"));
        assertThat(List.of("workflow.step-tasks", "workflow.step-tasks.gpu", "workflow.step-tasks.de",
                "workflow.step-tasks.de.gpu")).allMatch(topic -> served.matcher(topic).matches());
        assertThat(List.of("workflow.step-tasks.fpga", "workflow.step-tasks.de.fpga.gpu", "workflow.step-tasksx",
                "workflow.step-reports", "other.step-tasks.gpu")).noneMatch(topic -> served.matcher(topic).matches());
    }

    @Test
    void a_worker_without_capabilities_serves_only_the_plain_topic() {
        Pattern served = topics.stepTasksFor(List.of());
        assertThat(served.matcher("workflow.step-tasks").matches()).isTrue();
        assertThat(served.matcher("workflow.step-tasks.gpu").matches()).isFalse();
    }

    @Test
    void a_task_is_keyed_by_its_attempt() {
        UUID execution = UUID.fromString("6f1c2a9e-0000-4000-8000-000000000001");
        assertThat(Topics.stepTaskKey(execution, "train", 2)).isEqualTo(execution + ":train:2");
    }
}
