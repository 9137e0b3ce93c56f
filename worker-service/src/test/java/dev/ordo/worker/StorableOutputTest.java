package dev.ordo.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.execution.StepReport.StepFailedReport;
import dev.ordo.contract.execution.StepReport.StepSucceededReport;
import dev.ordo.contract.wire.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Text PostgreSQL cannot store (NUL, lone surrogates) leaves the worker replaced by U+FFFD, in
 * output keys and values and in error messages. The tasks are written as raw JSON, since the codec
 * would refuse to write a lone surrogate itself.
 */
@WorkerTest
class StorableOutputTest {

    @Autowired
    Topics topics;

    TaskTraffic traffic;

    @BeforeEach
    void connect() {
        traffic = TaskTraffic.forWorker(topics);
    }

    @AfterEach
    void disconnect() {
        traffic.close();
    }

    @Test
    void nul_and_lone_surrogates_in_an_output_are_replaced_in_keys_and_values() {
        UUID execution = UUID.randomUUID();
        String input = "{\"na\\u0000me\":\"va\\u0000lue\",\"list\":[{\"k\":\"\\ud800x\"}],\"n\":1}";

        sendRaw(execution, "echo", "{\"processing_type\":\"default\"}", input);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(traffic.reportsFor(execution))
                .contains(new StepSucceededReport(execution, "echo", 1, Map.of("na\uFFFDme", "va\uFFFDlue",
                        "list", List.of(Map.of("k", "\uFFFDx")), "n", 1))));
    }

    @Test
    void nul_in_an_error_message_is_replaced() {
        UUID execution = UUID.randomUUID();

        sendRaw(execution, "charge",
                "{\"processing_type\":\"flaky\",\"retryable\":false,\"error\":\"card\\u0000declined \\udc00\"}", "{}");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(traffic.reportsFor(execution))
                .contains(new StepFailedReport(execution, "charge", 1, "card\uFFFDdeclined \uFFFD", false)));
    }

    private void sendRaw(UUID execution, String step, String config, String input) {
        String task = "{\"execution_id\":\"" + execution + "\",\"step_name\":\"" + step + "\",\"step_type\":\"task\","
                + "\"attempt\":1,\"config\":" + config + ",\"input\":" + input + "}";
        traffic.send(Topics.stepTaskKey(execution, step, 1), task.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
