package dev.ordo.worker.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.execution.StepReport.StepFailedReport;
import dev.ordo.contract.execution.StepReport.StepSucceededReport;
import dev.ordo.contract.execution.StepTask;
import dev.ordo.contract.wire.RecordLimits;
import dev.ordo.worker.handlers.StepOutcome;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutcomeReportsTest {

    /** A value the codec cannot write: reading its one component throws. */
    record Exploding(String value) {
        @Override
        public String value() {
            throw new IllegalStateException("boom");
        }
    }

    static final StepTask TASK = new StepTask(UUID.randomUUID(), "export", "task", 2, Map.of(), Map.of(), null);

    @Test
    void an_output_within_the_limit_is_reported_as_it_is() {
        assertThat(OutcomeReports.of(TASK, StepOutcome.succeeded(Map.of("rows", 3))))
                .isEqualTo(new StepSucceededReport(TASK.executionId(), "export", 2, Map.of("rows", 3)));
    }

    @Test
    void an_output_of_exactly_the_limit_is_reported_and_one_byte_more_fails_the_step_terminally() {
        String envelope = "{\"blob\":\"\"}";
        String atLimit = "x".repeat(RecordLimits.MAX_STEP_OUTPUT_BYTES - envelope.length());

        assertThat(OutcomeReports.of(TASK, StepOutcome.succeeded(Map.of("blob", atLimit))))
                .isInstanceOf(StepSucceededReport.class);
        assertThat(OutcomeReports.of(TASK, StepOutcome.succeeded(Map.of("blob", atLimit + "x"))))
                .isEqualTo(new StepFailedReport(TASK.executionId(), "export", 2,
                        "Expected the output of step 'export' to be at most 524288 bytes, but it is 524289 bytes", false));
    }

    @Test
    void an_output_that_is_not_json_fails_the_step_terminally() {
        Map<String, Object> output = Map.of("stream", new Exploding("x"));

        StepFailedReport report = (StepFailedReport) OutcomeReports.of(TASK, StepOutcome.succeeded(output));

        assertThat(report.retryable()).isFalse();
        assertThat(report.error()).startsWith("Expected the output of step 'export' to be JSON, but it could not be encoded: ");
    }

    @Test
    void a_long_error_is_cut_saying_how_much_was_cut_and_nul_in_it_is_replaced() {
        String error = "\u0000" + "e".repeat(OutcomeReports.MAX_ERROR_CHARS + 10);

        StepFailedReport report = (StepFailedReport) OutcomeReports.of(TASK, new StepOutcome.Failed(error, true));

        assertThat(report.retryable()).isTrue();
        assertThat(report.error()).startsWith("\uFFFDeee").endsWith("e… (11 more characters)")
                .hasSize(OutcomeReports.MAX_ERROR_CHARS + "… (11 more characters)".length());
    }

    @Test
    void a_success_the_broker_refused_as_too_large_becomes_a_terminal_failure_that_says_so() {
        StepSucceededReport refused = new StepSucceededReport(TASK.executionId(), "export", 2, Map.of("a", 1));

        assertThat(OutcomeReports.refusedAsTooLarge(refused, 450_123, "The message is 450123 bytes"))
                .isEqualTo(new StepFailedReport(TASK.executionId(), "export", 2,
                        "Expected the report of step 'export' to be accepted by the broker, but it was refused as too"
                                + " large (450123 bytes): The message is 450123 bytes", false));
    }
}
