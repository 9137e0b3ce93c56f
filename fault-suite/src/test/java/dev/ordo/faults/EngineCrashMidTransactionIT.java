package dev.ordo.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.execution.StepReport;
import dev.ordo.contract.execution.StepReport.StepSucceededReport;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.contract.wire.Topics;
import dev.ordo.infra.EmbeddedKafkaBroker;
import dev.ordo.infra.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Workers read tasks read_uncommitted, so they run tasks of an engine transaction that has not
 * committed yet. Here the engine (in api-service) commits only every 3 s, is killed -9 after workers
 * have already reported on such tasks, and starts again with the normal commit interval: the aborted
 * transaction is redone from the committed state, and the reports of the tasks it had sent are
 * either taken as the reports of the same attempt or rejected, never applied twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineCrashMidTransactionIT {

    private static final int EXECUTIONS = 6;
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private EmbeddedKafkaBroker kafka;
    private EmbeddedPostgresServer postgres;
    private String bootstrap;
    private String jdbcUrl;
    private ServiceProcess slowCommittingApi;
    private ServiceProcess restartedApi;
    private ServiceProcess worker;
    private ServiceProcess projection;
    private final int apiPort = Ports.free();
    private final int workerPort = Ports.free();
    private final int projectionPort = Ports.free();

    @BeforeAll
    void startTheStackWithAnEngineThatCommitsRarely() {
        Path dataDir = Path.of("target", "fault-data", "engine-crash").toAbsolutePath();
        FaultFiles.deleteRecursively(dataDir);
        kafka = new EmbeddedKafkaBroker(dataDir.resolve("kafka"), Ports.free(), Ports.free());
        postgres = new EmbeddedPostgresServer(dataDir.resolve("postgres"), Ports.free());
        bootstrap = kafka.start();
        jdbcUrl = postgres.start();
        Map<String, String> common = Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap, "DATABASE_URL", jdbcUrl,
                "ORDO_TOPIC_PARTITIONS", "3", "ORDO_DATA_DIR", dataDir.resolve("services").toString(),
                "ORDO_APP_LOG_LEVEL", "INFO");
        Map<String, String> api = with(common, "API_PORT", apiPort, "ORDO_ENGINE_ENABLED", "true",
                "ORDO_ENGINE_INSTANCE_ID", "crash-engine-1",
                "ORDO_ENGINE_STATE_DIR", dataDir.resolve("engine-state").toString());
        Path logs = ServiceJars.logs();
        slowCommittingApi = new ServiceProcess("api-service-slow-commit", ServiceJars.of("api-service"),
                with(api, "ORDO_ENGINE_COMMIT_INTERVAL", "3s"), List.of(), logs);
        restartedApi = new ServiceProcess("api-service-restarted", ServiceJars.of("api-service"), api, List.of(), logs);
        worker = new ServiceProcess("worker-uncommitted", ServiceJars.of("worker-service"),
                with(common, "WORKER_PORT", workerPort, "ORDO_WORKER_ID", "worker-uncommitted",
                        "ORDO_WORKER_CONCURRENCY", "8", "ORDO_WORKER_TASK_ISOLATION", "read_uncommitted"),
                List.of(), logs);
        projection = new ServiceProcess("projection-service", ServiceJars.of("projection-service"),
                with(common, "PROJECTION_PORT", projectionPort, "ORDO_PROJECTION_LAG_INTERVAL", "1s"), List.of(), logs);
        List.of(slowCommittingApi, worker, projection).forEach(ServiceProcess::start);
        awaitReady(slowCommittingApi, apiPort);
        awaitReady(worker, workerPort);
        awaitReady(projection, projectionPort);
    }

    @AfterAll
    void stopEverything() {
        try {
            for (AutoCloseable resource : new AutoCloseable[] {slowCommittingApi, restartedApi, worker, projection,
                    kafka, postgres}) {
                if (resource != null) {
                    try {
                        resource.close();
                    } catch (Exception e) {
                        // keep stopping the others; the test's own outcome is what matters
                    }
                }
            }
        } finally {
            ProcessReaper.killAll();
        }
    }

    @Test
    void given_workers_ran_tasks_of_an_open_engine_transaction_when_the_engine_is_killed_then_each_step_succeeds_once()
            throws Exception {
        Http api = new Http(apiPort);
        Http.Response created = api.post("/api/workflows/", WorkflowShapes.chain(100));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String workflowId = (String) created.json().get("id");
        List<String> accepted = new ArrayList<>();
        for (int n = 0; n < EXECUTIONS; n++) {
            Http.Response response = api.post("/api/workflows/" + workflowId + "/execute",
                    Map.of("input_variables", Map.of("n", n)));
            assertThat(response.status()).as(response.body()).isEqualTo(202);
            accepted.add((String) response.json().get("execution_id"));
        }

        // when: workers have reported successes the engine has not committed yet, the engine dies
        await("successes reported on tasks of the open transaction").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> succeededReports().size() > EventLogAudit.read(bootstrap).stepSuccesses());
        slowCommittingApi.kill();
        int reportedBeforeTheCrash = succeededReports().size();
        restartedApi.start();
        awaitReady(restartedApi, apiPort);

        // then: every execution completes, each step of each succeeds once in the committed log
        await("every execution completed").atMost(SETTLE).pollInterval(Duration.ofMillis(500)).until(() -> {
            restartedApi.requireAlive();
            return EventLogAudit.read(bootstrap).notCompleted(accepted).isEmpty();
        });
        EventLogAudit log = EventLogAudit.read(bootstrap);
        assertThat(log.violations()).isEmpty();
        for (String executionId : accepted) {
            assertThat(log.successesPerStep(executionId)).as("successes per step of " + executionId)
                    .isEqualTo(Map.of("fetch", 1, "transform", 1, "store", 1));
        }
        ReadModelAudit readModel = new ReadModelAudit(jdbcUrl);
        await("read model caught up").atMost(SETTLE).pollInterval(Duration.ofMillis(500))
                .until(() -> readModel.behind(log.lastSequences()).isEmpty());
        assertThat(readModel.parkedEvents()).isEmpty();

        // and: the crash really hit tasks that had already run: some attempt ran (and reported success)
        // twice, once from the aborted transaction and once from its redo, and the engine refused one
        Map<String, Integer> runsPerAttempt = new TreeMap<>();
        succeededReports().forEach(report -> runsPerAttempt.merge(
                report.executionId() + ":" + report.stepName() + "#" + report.attempt(), 1, Integer::sum));
        Map<String, Integer> ranTwice = new TreeMap<>(runsPerAttempt);
        ranTwice.values().removeIf(runs -> runs < 2);
        System.out.printf("engine crash: %d success reports before the crash, %d after; %d attempts ran twice; "
                        + "%d reports rejected%n", reportedBeforeTheCrash, succeededReports().size(), ranTwice.size(),
                log.rejectedReports());
        assertThat(ranTwice).as("attempts whose task ran before the crash and again after it").isNotEmpty();
        assertThat(log.rejectedReports()).as("reports the engine rejected as duplicates").isPositive();
    }

    /** Every success report on {@code workflow.step-reports} (workers send them outside transactions). */
    private List<StepSucceededReport> succeededReports() {
        String topic = Topics.withDefaultPrefix().stepReports();
        List<StepSucceededReport> reports = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (JsonCodec.instance().decode(record.value(), StepReport.class)
                            instanceof StepSucceededReport succeeded) {
                        reports.add(succeeded);
                    }
                }
            }
        }
        return reports;
    }

    private static void awaitReady(ServiceProcess service, int port) {
        Http http = new Http(port);
        await(service.name() + " ready").atMost(SplitStack.STARTUP).pollInterval(Duration.ofMillis(500)).until(() -> {
            service.requireAlive();
            return http.get("/actuator/health/readiness").is(200);
        });
    }

    private static Map<String, String> with(Map<String, String> base, Object... pairs) {
        Map<String, String> environment = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            environment.put((String) pairs[i], String.valueOf(pairs[i + 1]));
        }
        return environment;
    }
}
