package dev.ordo.worker.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.contract.wire.TaskHeaders;
import dev.ordo.worker.tasks.DecodedTask.Readable;
import dev.ordo.worker.tasks.DecodedTask.Unattributable;
import dev.ordo.worker.tasks.DecodedTask.Unreadable;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class TaskDecoderTest {

    static final UUID EXECUTION = UUID.fromString("6f1c2a9e-0000-4000-8000-000000000001");
    static final UUID OTHER = UUID.fromString("6f1c2a9e-0000-4000-8000-000000000002");

    @Test
    void a_whole_task_is_readable() {
        StepTask task = new StepTask(EXECUTION, "charge", "task", 1, Map.of("processing_type", "default"),
                Map.of("a", 1), null);

        assertThat(TaskDecoder.decode(record("any", JsonCodec.instance().encode(task))))
                .isEqualTo(new Readable(task));
    }

    @Test
    void the_headers_name_the_attempt_of_a_value_that_is_not_json_and_win_over_the_key() {
        ConsumerRecord<String, byte[]> record = record(OTHER + ":other", "{not json");
        header(record, TaskHeaders.EXECUTION_ID, EXECUTION.toString());
        header(record, TaskHeaders.STEP_NAME, "charge");
        header(record, TaskHeaders.ATTEMPT, "3");

        DecodedTask decoded = TaskDecoder.decode(record);

        assertThat(decoded).isInstanceOfSatisfying(Unreadable.class, unreadable -> {
            assertThat(unreadable.executionId()).isEqualTo(EXECUTION);
            assertThat(unreadable.stepName()).isEqualTo("charge");
            assertThat(unreadable.attempt()).isEqualTo(3);
            assertThat(unreadable.problem()).startsWith("Unexpected character");
        });
    }

    @Test
    void without_headers_the_key_names_execution_and_step_and_the_json_tree_the_attempt() {
        String value = "{\"execution_id\":\"" + OTHER + "\",\"step_name\":\"other\",\"attempt\":\"2\",\"config\":[]}";

        DecodedTask decoded = TaskDecoder.decode(record(EXECUTION + ":step:with:colons", value));

        assertThat(decoded).isInstanceOfSatisfying(Unreadable.class, unreadable -> {
            assertThat(unreadable.executionId()).isEqualTo(EXECUTION);
            assertThat(unreadable.stepName()).isEqualTo("step:with:colons");
            assertThat(unreadable.attempt()).isEqualTo(2);
        });
    }

    @Test
    void without_headers_a_key_by_attempt_names_execution_step_and_attempt() {
        String value = "{\"execution_id\":\"" + OTHER + "\",\"step_name\":\"other\",\"attempt\":\"2\",\"config\":[]}";

        DecodedTask decoded = TaskDecoder.decode(record(EXECUTION + ":step:with:colons:4", value));

        assertThat(decoded).isInstanceOfSatisfying(Unreadable.class, unreadable -> {
            assertThat(unreadable.executionId()).isEqualTo(EXECUTION);
            assertThat(unreadable.stepName()).isEqualTo("step:with:colons");
            assertThat(unreadable.attempt()).isEqualTo(4);
        });
    }

    @Test
    void a_task_missing_its_config_is_unreadable_and_says_what_it_lacks() {
        String value = "{\"execution_id\":\"" + EXECUTION + "\",\"step_name\":\"charge\",\"attempt\":1,\"input\":{}}";

        assertThat(TaskDecoder.decode(record("no-key-parts", value)))
                .isEqualTo(new Unreadable(EXECUTION, "charge", 1, "Expected the task to have a config, but it has none"));
    }

    @Test
    void a_record_that_names_no_attempt_is_unattributable() {
        assertThat(TaskDecoder.decode(record(EXECUTION + ":charge", "\u0001"))).isInstanceOf(Unattributable.class);
        assertThat(TaskDecoder.decode(record(null, (byte[]) null)))
                .isEqualTo(new Unattributable("Expected the task to have a value, but it has none"));
    }

    @Test
    void an_attempt_below_one_names_no_attempt() {
        ConsumerRecord<String, byte[]> record = record(EXECUTION + ":charge", "{\"attempt\":0}");
        header(record, TaskHeaders.ATTEMPT, "zero");

        assertThat(TaskDecoder.decode(record)).isInstanceOf(Unattributable.class);
    }

    private static ConsumerRecord<String, byte[]> record(String key, String value) {
        return record(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static ConsumerRecord<String, byte[]> record(String key, byte[] value) {
        return new ConsumerRecord<>("workflow.step-tasks", 0, 42, key, value);
    }

    private static void header(ConsumerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
