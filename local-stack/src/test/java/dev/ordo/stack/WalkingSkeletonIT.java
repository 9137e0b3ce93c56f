package dev.ordo.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.contract.wire.Topics;
import dev.ordo.infra.SharedTestInfrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path through every module on the real broker and database, driven only through the
 * HTTP API: define the seed's three-step workflow, execute it, watch it complete.
 */
class WalkingSkeletonIT {

    private static ApiClient api;

    @BeforeAll
    static void startTheSystem() {
        api = new ApiClient(RunningStack.services().apiPort());
    }

    @Test
    void the_seed_three_step_workflow_runs_to_completed_through_the_http_api() throws IOException {
        ApiClient.Response created = api.post("/api/workflows/", seedWorkflow());
        assertThat(created.status()).as("create: %s", created.body()).isEqualTo(201);
        String workflowId = (String) created.body().get("id");

        ApiClient.Response submitted = api.post("/api/workflows/" + workflowId + "/execute",
                "{\"input_variables\": {\"input\": {\"hello\": \"world\"}}}");
        assertThat(submitted.status()).as("execute: %s", submitted.body()).isEqualTo(202);
        assertThat(submitted.body()).containsEntry("status", "submitted").containsEntry("workflow_id", workflowId);
        String executionId = (String) submitted.body().get("execution_id");
        String statusPath = "/api/workflows/executions/" + executionId + "/status";

        ApiClient.Response rightAway = api.get(statusPath);
        assertThat(rightAway.status()).isEqualTo(200);
        assertThat(rightAway.body().get("status")).isIn("pending", "running", "completed");

        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get(statusPath).body().get("status"), "completed"::equals);

        Map<String, Object> done = api.get(statusPath).body();
        assertThat(done).containsEntry("workflow_id", workflowId).containsEntry("total_steps", 3)
                .containsEntry("completed_steps", 3).containsEntry("failed_steps", 0);
        assertThat(done.get("started_at")).isNotNull();
        assertThat(done.get("completed_at")).isNotNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> results = (Map<String, Object>) done.get("results");
        assertThat(results.get("step_statuses"))
                .isEqualTo(Map.of("prepare", "completed", "process", "completed", "finalize", "completed"));
        @SuppressWarnings("unchecked")
        Map<String, Object> outputs = (Map<String, Object>) results.get("step_outputs");
        assertThat(outputs.get("finalize")).isEqualTo(Map.of("input", Map.of("hello", "world")));
    }

    @Test
    void an_execute_missing_a_required_variable_is_refused_with_400_and_nothing_runs() throws IOException {
        String workflowId = (String) api.post("/api/workflows/", seedWorkflow().replace("Sequential Task",
                "Sequential Task (missing input)")).body().get("id");

        ApiClient.Response refused = api.post("/api/workflows/" + workflowId + "/execute", "{\"input_variables\": {}}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("detail").toString()).contains("Missing required variable 'input'");
    }

    @Test
    void an_unknown_execution_is_404_in_fastapi_shape() {
        ApiClient.Response missing = api.get("/api/workflows/executions/" + java.util.UUID.randomUUID() + "/status");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo(Map.of("detail", "Execution not found"));
    }

    @Test
    void every_service_reports_health_and_prometheus_metrics() {
        StackServices services = RunningStack.services();
        for (int port : List.of(services.apiPort(), services.workerPort(), services.projectionPort())) {
            ApiClient client = new ApiClient(port);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> client.get("/actuator/health").body().get("status"), "UP"::equals);
            assertThat(client.get("/actuator/health/readiness").status()).isEqualTo(200);
            assertThat(client.get("/actuator/prometheus").status()).isEqualTo(200);
        }
    }

    @Test
    void the_api_docs_are_served_at_docs_and_openapi_json() {
        assertThat(api.get("/docs").status()).isEqualTo(200);
        ApiClient.Response openapi = api.get("/openapi.json");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body().get("paths").toString()).contains("/api/workflows/{workflow_id}/execute");
    }

    @Test
    void the_services_created_their_topics_with_the_configured_partitions_and_an_event_log_kept_forever()
            throws Exception {
        Topics topics = Topics.withDefaultPrefix();
        List<String> names = List.of(topics.commands(), topics.stepReports(), topics.stepTasks(),
                topics.executionEvents());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedTestInfrastructure.endpoints().bootstrapServers()))) {
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
            assertThat(described.values()).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(3));
            ConfigResource log = new ConfigResource(ConfigResource.Type.TOPIC, topics.executionEvents());
            Config config = admin.describeConfigs(List.of(log)).all().get().get(log);
            assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
            assertThat(config.get(TopicConfig.RETENTION_BYTES_CONFIG).value()).isEqualTo("-1");
        }
    }

    private static String seedWorkflow() throws IOException {
        try (InputStream in = WalkingSkeletonIT.class.getResourceAsStream("/seed-workflow.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
