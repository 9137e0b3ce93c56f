package dev.ordo.stack;

import static dev.ordo.stack.WorkflowBodies.step;
import static dev.ordo.stack.WorkflowBodies.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.api.ApiServiceApplication;
import dev.ordo.infra.BrokerLogLevels;
import dev.ordo.infra.SharedTestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The WebSocket live streams end to end: the stack's api-service (with the engine) and a second
 * api-service instance without the engine, which has short limits (heartbeat 500 ms, 3 streams per
 * connection, 2 MB outgoing buffer, 4 KB client frames), both fed by the broadcast of read-model
 * updates.
 */
class LiveStreamsIT {

    private static ConfigurableApplicationContext second;
    private static int mainPort;
    private static int secondPort;

    @BeforeAll
    static void startTheStackAndASecondApiInstance() {
        mainPort = RunningStack.services().apiPort();
        Map<String, Object> properties = new HashMap<>(SharedTestInfrastructure.endpoints().asSpringProperties());
        properties.putAll(BrokerLogLevels.asSpringLoggingProperties());
        properties.put("server.port", "0");
        properties.put("ordo.topics.partitions", "3");
        properties.put("ordo.engine.enabled", "false");
        properties.put("ordo.live.heartbeat-interval", "500ms");
        properties.put("ordo.live.max-subscriptions", "3");
        properties.put("ordo.live.send-buffer-size", "2MB");
        properties.put("ordo.live.max-message-size", "4KB");
        String[] args = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        second = ApiServiceApplication.builder().registerShutdownHook(false).run(args);
        secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void an_execution_stream_sends_the_state_first_then_every_event_once_in_sequence_and_rest_agrees() {
        WorkspaceApi api = WorkspaceApi.fresh();
        String workflowId = api.createWorkflow(workflow("live order", sleeps(3, 100), List.of()));
        String executionId = api.execute(workflowId, Map.of());

        try (LiveClient client = LiveClient.connect(mainPort, "/ws/workflows/executions/" + executionId, api.slug())) {
            client.awaitEvent(executionId, "workflow_completed");

            Map<String, Object> state = client.messages().get(0);
            assertThat(state.get("event_type")).isEqualTo("execution_state");
            assertThat(WorkspaceApi.map(state.get("data"))).containsKeys("status", "steps");
            List<Map<String, Object>> events = client.events(executionId);
            long first = ((Number) state.get("sequence")).longValue() + 1;
            long last = sequence(events.get(events.size() - 1));
            assertThat(events).extracting(LiveStreamsIT::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(first, last).boxed().toList());
            assertThat(events).allSatisfy(event -> assertThat(event.get("workflow_id")).isEqualTo(workflowId));
            assertThat(events).filteredOn(event -> "step_completed".equals(event.get("event_type")))
                    .hasSize(3).allSatisfy(event -> assertThat(event.get("workflow_step_id")).isNotNull());
            assertThat(api.get("/api/workflows/executions/" + executionId).json().get("status")).isEqualTo("completed");
            assertThat(api.get("/api/workflows/executions/" + executionId + "/events?after_sequence=" + last)
                    .json().get("items")).asList().isEmpty();
        }
    }

    @Test
    void a_client_that_reconnects_with_since_gets_every_event_it_missed_once_and_then_the_rest_live() {
        WorkspaceApi api = WorkspaceApi.fresh();
        String workflowId = api.createWorkflow(workflow("live resume", sleeps(4, 400), List.of()));
        String executionId = api.execute(workflowId, Map.of());
        String path = "/ws/workflows/executions/" + executionId;

        List<Map<String, Object>> before;
        try (LiveClient client = LiveClient.connect(mainPort, path, api.slug())) {
            client.awaitEvent(executionId, "step_completed");
            before = client.events(executionId);
        }
        long lastSeen = sequence(before.get(before.size() - 1));
        assertThat(before).noneMatch(event -> "workflow_completed".equals(event.get("event_type")));

        try (LiveClient resumed = LiveClient.connect(mainPort, path + "?since=" + lastSeen, api.slug())) {
            resumed.awaitEvent(executionId, "workflow_completed");
            List<Map<String, Object>> after = resumed.events(executionId);
            long last = sequence(after.get(after.size() - 1));
            assertThat(after).extracting(LiveStreamsIT::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(lastSeen + 1, last).boxed().toList());
            assertThat(resumed.messages().get(0).get("event_type")).isEqualTo("execution_state");
        }
    }

    @Test
    void both_api_instances_deliver_every_event_of_an_execution_to_their_own_clients() {
        WorkspaceApi api = WorkspaceApi.fresh();
        String workflowId = api.createWorkflow(workflow("live two instances", sleeps(2, 50), List.of()));
        try (LiveClient onMain = LiveClient.connect(mainPort, "/ws/workflows/" + workflowId, api.slug());
             LiveClient onSecond = LiveClient.connect(secondPort, "/ws/workflows/" + workflowId, api.slug())) {
            String executionId = api.execute(workflowId, Map.of());

            onMain.awaitEvent(executionId, "workflow_completed");
            onSecond.awaitEvent(executionId, "workflow_completed");
            assertThat(onSecond.events(executionId)).extracting(LiveStreamsIT::sequence)
                    .isEqualTo(onMain.events(executionId).stream().map(LiveStreamsIT::sequence).toList())
                    .first().isEqualTo(1L);
        }
    }

    @Test
    void another_workspaces_execution_or_workflow_is_refused_like_an_unknown_one_and_bad_requests_are_answered() {
        WorkspaceApi mine = WorkspaceApi.fresh();
        WorkspaceApi theirs = WorkspaceApi.fresh();
        String theirWorkflow = theirs.createWorkflow(workflow("theirs", sleeps(1, 10), List.of()));
        String theirExecution = theirs.execute(theirWorkflow, Map.of());

        for (String path : List.of("/ws/workflows/executions/" + theirExecution, "/ws/workflows/executions/" + UUID.randomUUID(),
                "/ws/workflows/executions/not-a-uuid", "/ws/workflows/" + theirWorkflow, "/ws/workflows/%20")) {
            RawHandshake.Answer answer = RawHandshake.request(mainPort, path, mine.slug());
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).containsKey("detail");
        }
        assertThat(RawHandshake.request(mainPort, "/ws/stream", "no-such-workspace-" + UUID.randomUUID()).status())
                .isEqualTo(404);
        for (String since : List.of("-1", "ten", "99999999999999999999999")) {
            RawHandshake.Answer answer = RawHandshake.request(mainPort,
                    "/ws/workflows/executions/" + theirExecution + "?since=" + since, theirs.slug());
            assertThat(answer.status()).as(since).isEqualTo(400);
            assertThat((String) answer.body().get("detail")).as(since).startsWith("Invalid since");
        }
        assertThat(RawHandshake.request(mainPort, "/ws/workflows/executions/" + theirExecution, theirs.slug()).status())
                .isEqualTo(101);
    }

    @Test
    void a_workspace_stream_shows_only_its_own_workspaces_executions() {
        WorkspaceApi mine = WorkspaceApi.fresh();
        WorkspaceApi theirs = WorkspaceApi.fresh();
        String myWorkflow = mine.createWorkflow(workflow("mine", sleeps(1, 10), List.of()));
        String theirWorkflow = theirs.createWorkflow(workflow("theirs", sleeps(1, 10), List.of()));
        try (LiveClient stream = LiveClient.connect(secondPort, "/ws/stream", mine.slug());
             LiveClient theirStream = LiveClient.connect(secondPort, "/ws/workflows/stream", theirs.slug())) {
            String theirExecution = theirs.execute(theirWorkflow, Map.of());
            String myExecution = mine.execute(myWorkflow, Map.of());

            stream.awaitEvent(myExecution, "workflow_completed");
            theirStream.awaitEvent(theirExecution, "workflow_completed");
            assertThat(stream.withoutHeartbeats()).isNotEmpty().allSatisfy(message -> {
                assertThat(message.get("workspace_id")).isEqualTo(workspaceOf(mine, myExecution));
                assertThat(message.get("workflow_execution_id")).isNotEqualTo(theirExecution);
            });
        }
    }

    @Test
    void client_messages_add_streams_up_to_the_limit_and_bad_ones_get_an_error_while_the_connection_stays_open() {
        WorkspaceApi mine = WorkspaceApi.fresh();
        WorkspaceApi theirs = WorkspaceApi.fresh();
        String theirWorkflow = theirs.createWorkflow(workflow("theirs", sleeps(1, 10), List.of()));
        List<String> workflows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            workflows.add(mine.createWorkflow(workflow("mine " + i, sleeps(1, 10), List.of())));
        }
        try (LiveClient client = LiveClient.connect(secondPort, "/ws/workflows/" + workflows.get(0), mine.slug())) {
            client.send("not json");
            client.send("[1, 2]");
            client.send("{\"action\": \"dance\", \"workflow_id\": \"" + workflows.get(1) + "\"}");
            client.send("{\"action\": \"subscribe\", \"workflow_id\": \"" + theirWorkflow + "\"}");
            client.send("{\"action\": \"subscribe\", \"execution_id\": \"x\"}");
            client.send("{\"action\": \"subscribe\", \"workflow_id\": \"" + workflows.get(1) + "\"}");
            client.send("{\"action\": \"subscribe\", \"workflow_id\": \"" + workflows.get(2) + "\"}");
            client.send("{\"action\": \"subscribe\", \"workflow_id\": \"" + UUID.randomUUID() + "\"}");
            String fourth = mine.createWorkflow(workflow("mine 4", sleeps(1, 10), List.of()));
            client.send("{\"action\": \"subscribe\", \"workflow_id\": \"" + fourth + "\"}");

            await().atMost(Duration.ofSeconds(10)).until(() -> errors(client).size() == 7);
            assertThat(errors(client)).containsExactly(
                    "Malformed message: expected a JSON object", "Malformed message: expected a JSON object",
                    "Unknown action: expected \"subscribe\" or \"unsubscribe\"", "Workflow not found",
                    "Execution not found", "Workflow not found",
                    "Subscription limit reached: at most 3 streams per connection");
            String executionId = mine.execute(workflows.get(2), Map.of());
            client.awaitEvent(executionId, "workflow_completed");
            client.await(LiveClient.type("heartbeat"));

            client.send("{\"action\": \"subscribe\", \"workflow_id\": \"" + "x".repeat(5_000) + "\"}");
            await().atMost(Duration.ofSeconds(10)).until(() -> client.closeCode() != null);
            assertThat(client.closeCode()).isEqualTo(1009);
        }
        try (LiveClient binary = LiveClient.connect(secondPort, "/ws/stream", mine.slug())) {
            binary.sendBinary(new byte[] {1, 2, 3});
            await().atMost(Duration.ofSeconds(10)).until(() -> binary.closeCode() != null);
            assertThat(binary.closeCode()).isEqualTo(1003);
        }
    }

    @Test
    void a_client_that_reads_nothing_is_closed_with_its_reason_while_a_fast_one_gets_every_event() {
        WorkspaceApi api = WorkspaceApi.fresh();
        String workflowId = api.createWorkflow(workflow("live slow client", bulky(16), List.of()));
        MeterRegistry meters = second.getBean(MeterRegistry.class);
        double closedBefore = meters.counter("ordo.live.clients.fell_behind").count();
        try (LiveClient fast = LiveClient.connect(secondPort, "/ws/workflows/" + workflowId, api.slug());
             LiveClient slow = LiveClient.connectPaused(secondPort, "/ws/workflows/" + workflowId, api.slug())) {
            String executionId = api.execute(workflowId, Map.of("blob", "x".repeat(300_000)));

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> meters.counter("ordo.live.clients.fell_behind").count() > closedBefore);
            slow.resume();
            await().atMost(Duration.ofSeconds(30)).until(() -> slow.closeCode() != null);
            assertThat(slow.closeCode()).isEqualTo(1008);
            assertThat(slow.closeReason()).isEqualTo("client fell behind: outgoing buffer full");

            fast.awaitEvent(executionId, "workflow_completed");
            List<Map<String, Object>> events = fast.events(executionId);
            assertThat(events).extracting(LiveStreamsIT::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
        }
    }

    private static List<Object> errors(LiveClient client) {
        return client.messages().stream().filter(LiveClient.type("error")).map(message -> message.get("message"))
                .toList();
    }

    private static String workspaceOf(WorkspaceApi api, String executionId) {
        return (String) api.get("/api/workflows/executions/" + executionId).json().get("workspace_id");
    }

    private static long sequence(Map<String, Object> message) {
        return ((Number) message.get("sequence")).longValue();
    }

    /** A chain of {@code count} sleep steps of {@code millis} each. */
    private static List<Map<String, Object>> sleeps(int count, int millis) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            steps.add(step("s" + i, i, i == 1 ? List.of() : List.of("s" + (i - 1)),
                    Map.of("processing_type", "sleep", "millis", millis)));
        }
        return steps;
    }

    /** A chain of {@code count} steps that pass their (large) input on. */
    private static List<Map<String, Object>> bulky(int count) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            steps.add(step("b" + i, i, i == 1 ? List.of() : List.of("b" + (i - 1)),
                    Map.of("processing_type", "default")));
        }
        return steps;
    }
}
