package dev.ordo.engine;

import dev.ordo.contract.execution.ExecutionCommand.RetryExecution;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionRetried;
import dev.ordo.contract.execution.StepReport.StepFailedReport;
import java.time.Instant;
import static dev.ordo.engine.DrivenEngine.step;
import static dev.ordo.engine.DrivenEngine.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.execution.ExecutionCommand.StartExecution;
import dev.ordo.contract.execution.ExecutionEvent.CommandRejected;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionCompleted;
import dev.ordo.contract.execution.ExecutionEvent.ExecutionStarted;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.execution.StepReport.StepSucceededReport;
import dev.ordo.contract.wire.EventEnvelope;
import dev.ordo.contract.wire.JsonCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A finished execution leaves a tombstone when its retention ends, so its id is never run twice. */
class RememberedIdsTest {

    static final Duration RETENTION = Duration.ofMinutes(10);
    static final EngineOptions OPTIONS = new EngineOptions(Duration.ofMillis(100), RETENTION, 0);

    @TempDir
    Path stateDir;
    DrivenEngine engine;
    final UUID execution = UUID.randomUUID();

    @BeforeEach
    void startEngine() {
        engine = DrivenEngine.with(stateDir, OPTIONS);
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void a_start_redelivered_after_the_retention_is_rejected_and_the_execution_does_not_run_twice() {
        StartExecution start = engine.start(execution, workflow(60, step("a", null)), Map.of());
        engine.succeedEveryTask();
        long finishedAt = lastSequence();
        engine.advance(RETENTION.plusSeconds(1));

        engine.command(execution.toString(), JsonCodec.instance().encode(start));

        List<EventEnvelope> history = engine.history(execution);
        assertThat(history).filteredOn(envelope -> envelope.event() instanceof ExecutionStarted).hasSize(1);
        assertThat(history).last().satisfies(envelope -> {
            assertThat(envelope.sequence()).isEqualTo(finishedAt + 1);
            assertThat(envelope.event()).isEqualTo(new CommandRejected("StartExecution", null, null,
                    "Expected execution " + execution + " to be new, but it is completed"));
        });
        assertThat(engine.readTasks()).isEmpty();
    }

    @Test
    void a_late_report_after_the_retention_is_still_recorded_as_a_rejection() {
        engine.start(execution, workflow(60, step("a", null)), Map.of());
        engine.succeedEveryTask();
        long finishedAt = lastSequence();
        engine.advance(RETENTION.plusSeconds(1));

        engine.report(new StepSucceededReport(execution, "a", 1, Map.of()));
        engine.report(new StepSucceededReport(execution, "a", 1, Map.of()));

        assertThat(engine.history(execution)).extracting(EventEnvelope::sequence)
                .endsWith(finishedAt, finishedAt + 1, finishedAt + 2);
        assertThat(engine.eventsOf(execution)).last().isInstanceOfSatisfying(CommandRejected.class,
                rejected -> assertThat(rejected.reason()).endsWith("to be running, but it is completed"));
        assertThat(engine.eventsOf(execution)).filteredOn(ExecutionCompleted.class::isInstance).hasSize(1);
    }

    @Test
    void after_the_retention_only_a_small_tombstone_is_left_and_it_is_kept_for_ever_by_default() {
        engine.start(execution, workflow(60, step("a", null)), Map.of("blob", "x".repeat(50_000)));
        engine.succeedEveryTask();
        engine.advance(RETENTION.plusSeconds(1));
        engine.advance(Duration.ofDays(3650));

        assertThat(engine.keysAbout(execution)).containsOnlyKeys(EngineTopology.TOMBSTONES_STORE);
        byte[] tombstone = (byte[]) engine.contentsOf(EngineTopology.TOMBSTONES_STORE).get(execution.toString());
        assertThat(JsonCodec.instance().decode(tombstone, Tombstone.class))
                .isEqualTo(new Tombstone(ExecutionStatus.COMPLETED, lastSequence()));
        assertThat(tombstone.length).isLessThan(64);
    }

    @Test
    void a_tombstone_with_a_retention_of_its_own_goes_when_that_ends() {
        try (DrivenEngine forgetting = DrivenEngine.with(stateDir.resolve("forgetting"),
                new EngineOptions(Duration.ofMillis(100), RETENTION, 0, Duration.ofDays(30)))) {
            forgetting.start(execution, workflow(60, step("a", null)), Map.of());
            forgetting.succeedEveryTask();
            forgetting.advance(RETENTION.plusSeconds(1));
            assertThat(forgetting.keysAbout(execution)).containsOnlyKeys(EngineTopology.TOMBSTONES_STORE,
                    EngineTopology.EXPIRATIONS_STORE);

            forgetting.advance(Duration.ofDays(30));
            assertThat(forgetting.keysAbout(execution)).isEmpty();
        }
    }

    private long lastSequence() {
        List<EventEnvelope> history = engine.history(execution);
        return history.get(history.size() - 1).sequence();
    }

    @Test
    void a_failed_execution_is_kept_whole_for_the_retryable_retention_and_a_retry_cancels_its_retirement() {
        EngineOptions options = new EngineOptions(Duration.ofMillis(100), RETENTION, 0, null, RETENTION.multipliedBy(3));
        try (DrivenEngine retrying = DrivenEngine.with(stateDir.resolve("retrying"), options)) {
            retrying.start(execution, workflow(3600, step("a", null)), Map.of());
            retrying.readTasks();
            retrying.report(new StepFailedReport(execution, "a", 1, "down", false));
            retrying.advance(RETENTION.plusSeconds(1));
            assertThat(retrying.stateOf(execution).start()).as("kept whole past the finished retention").isNotNull();

            retrying.command(execution.toString(), JsonCodec.instance().encode(
                    new RetryExecution(execution, Map.of(), Instant.now())));
            retrying.readTasks();
            retrying.report(new StepFailedReport(execution, "a", 2, "down again", false));
            retrying.advance(RETENTION.multipliedBy(2));

            assertThat(retrying.eventsOf(execution)).filteredOn(ExecutionRetried.class::isInstance).hasSize(1);
            assertThat(retrying.stateOf(execution).status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(retrying.stateOf(execution).start())
                    .as("kept whole for the retryable retention from its second failure, not its first").isNotNull();
        }
    }
}
