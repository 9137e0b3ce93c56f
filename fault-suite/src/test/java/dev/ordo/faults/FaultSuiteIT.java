package dev.ordo.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults under load in the production shape: every service its own OS process ({@link SplitStack}).
 * Each scenario kills or cuts off one part while executions stream in, brings it back the way an
 * operator or a supervisor would (a restart, nothing else), then checks every execution
 * ({@link LoadedScenario}). The last test compares the read model, after all of it, with a rebuild
 * from the log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

    private final FaultProfile profile = FaultProfile.current();
    private SplitStack stack;
    private LoadedScenario scenario;
    private Http projection;

    @BeforeAll
    void startTheServicesAsProcesses() {
        Path dataDir = Path.of("target", "fault-data", "split").toAbsolutePath();
        FaultFiles.deleteRecursively(dataDir);
        stack = new SplitStack(dataDir).start();
        Http api = new Http(stack.apiPort());
        projection = new Http(stack.projectionPort());
        scenario = new LoadedScenario(api, LoadedScenario.createWorkflows(api, profile), stack.kafka::bootstrapServers,
                new ReadModelAudit(stack.postgres.jdbcUrl()), profile, stack::requireAlive);
    }

    @AfterAll
    void killEverything() {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            ProcessReaper.killAll();
        }
    }

    @Test
    @Order(1)
    void given_steps_running_on_a_worker_when_it_is_killed_then_the_other_worker_and_its_restart_complete_every_execution()
            throws Exception {
        scenario.run("worker kill", () -> {
            await("worker-a runs a step").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> EventLogAudit.read(stack.kafka.bootstrapServers()).runningOn("worker-a") > 0);
            stack.workerA.kill();
            stack.workerA.start();
        }, Set.of());
        stack.awaitReady(stack.workerA);
    }

    @Test
    @Order(2)
    void given_executions_running_when_the_engine_is_killed_and_restarted_then_every_execution_completes()
            throws Exception {
        scenario.run("engine kill", () -> {
            stack.engine.kill();
            stack.engine.start();
        }, Set.of());
    }

    @Test
    @Order(3)
    void given_executions_running_when_the_projection_is_killed_and_restarted_then_the_read_model_catches_up()
            throws Exception {
        scenario.run("projection kill", () -> {
            stack.projection.kill();
            stack.projection.start();
        }, Set.of());
        stack.awaitReady(stack.projection);
    }

    @Test
    @Order(4)
    void given_executions_running_when_the_broker_restarts_then_execute_answers_202_or_503_and_every_execution_completes()
            throws Exception {
        scenario.run("broker restart", () -> {
            stack.kafka.close();
            await("the broker stays down").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(8))
                    .until(() -> !stack.kafka.isRunning());
            stack.kafka.start();
        }, Set.of());
    }

    @Test
    @Order(5)
    void given_executions_running_when_the_database_is_away_for_10_seconds_then_the_api_answers_503_and_recovers()
            throws Exception {
        Submissions load = scenario.run("database outage", () -> {
            stack.postgres.close();
            await("the database stays down").during(profile.outage()).atMost(profile.outage().plusSeconds(5))
                    .until(() -> !stack.postgres.isRunning());
            stack.postgres.start();
        }, Set.of());
        assertThat(load.answers()).as("answers while the database was away")
                .anyMatch(answer -> answer.overlaps(" fault") && answer.status() == 503);
    }

    @Test
    @Order(6)
    void given_all_the_faults_when_the_read_model_is_rebuilt_from_the_log_then_it_equals_the_live_one() throws Exception {
        EventLogAudit log = scenario.awaitAllFinished("rebuild", scenario.acceptedSoFar());
        scenario.awaitReadModelCaughtUp("rebuild", log);
        ReadModelAudit readModel = new ReadModelAudit(stack.postgres.jdbcUrl());
        Map<String, List<String>> live = readModel.snapshot();

        Http.Response started = projection.post("/admin/rebuild", Map.of());
        assertThat(started.status()).as("start a rebuild: %s", started.body()).isEqualTo(202);
        await("the rebuild ends").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> !List.of("preparing", "replaying", "swapping")
                        .contains(projection.get("/admin/rebuild").json().get("state")));
        assertThat(projection.get("/admin/rebuild").json()).as("rebuild status").containsEntry("state", "done");
        Map<String, List<String>> rebuilt = readModel.snapshot();

        assertThat(ReadModelAudit.differences(live, rebuilt)).as("live read model vs. its rebuild").isEmpty();
        assertThat(rebuilt).isEqualTo(live);
        assertThat(live.get("executions")).hasSizeGreaterThanOrEqualTo(scenario.acceptedSoFar().size());
    }
}
