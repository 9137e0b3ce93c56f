package dev.ordo.api;

import dev.ordo.contract.definition.StepSpec;
import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionEvent;
import dev.ordo.contract.execution.ExecutionStatus;
import dev.ordo.contract.wire.JsonCodec;
import dev.ordo.infra.InfrastructureEndpoints;
import dev.ordo.infra.SharedTestInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stands in for projection-service in api-service tests. The tables are the projection's own: its
 * Flyway migrations ({@code projection-service/src/main/resources/db/migration/readmodel}) are run
 * against the shared database, so the columns always match. The rows are those the projection writes
 * for the events it folds; {@link Projected} builds an execution with its steps and attempts, and
 * {@link #history} its event history. Workflow and workspace may be null: the projection's row for a
 * start the engine could not read.
 */
public final class ReadModelFixture {

    private static final Path MIGRATIONS = Path.of("..", "projection-service", "src", "main", "resources", "db",
            "migration", "readmodel");
    private static boolean migrated;

    private ReadModelFixture() {
    }

    /** Creates the projection's tables, once per JVM, by its own migrations. */
    public static synchronized void ensureTable(JdbcClient jdbc) {
        if (migrated) {
            return;
        }
        if (!Files.isDirectory(MIGRATIONS)) {
            throw new IllegalStateException("Expected the projection's migrations at " + MIGRATIONS.toAbsolutePath());
        }
        InfrastructureEndpoints endpoints = SharedTestInfrastructure.endpoints();
        Flyway.configure().dataSource(endpoints.jdbcUrl(), endpoints.username(), endpoints.password())
                .schemas("readmodel").locations("filesystem:" + MIGRATIONS.toAbsolutePath()).load().migrate();
        migrated = true;
    }

    /** Records that the projection has seen {@code executionId} in {@code status}. */
    public static void projected(JdbcClient jdbc, String executionId, String workflowId, String workspaceId,
                                 String status) {
        ensureTable(jdbc);
        jdbc.sql("""
                INSERT INTO readmodel.executions (id, workflow_id, workflow_version, workspace_id, status,
                    input_variables, definition, started_at, total_steps, completed_steps, failed_steps, skipped_steps,
                    running_steps, last_sequence, created_at, updated_at)
                VALUES (?, ?, 1, ?, ?, '{}'::jsonb, '{"timeout_seconds": 3600, "max_retries": 0, "steps": []}'::jsonb,
                        now(), 0, 0, 0, 0, 0, 1, now(), now())
                ON CONFLICT (id) DO UPDATE SET status = excluded.status
                """).params(UUID.fromString(executionId), UUID.fromString(workflowId), UUID.fromString(workspaceId),
                        status).update();
    }

    /**
     * Records what the projection writes for an {@code ExecutionRejected}: a failed row with the
     * reason, whose workflow and workspace are unknown when the engine could not read the command.
     */
    public static void rejected(JdbcClient jdbc, String executionId, String workflowId, String workspaceId,
                                String reason) {
        ensureTable(jdbc);
        jdbc.sql("""
                INSERT INTO readmodel.executions (id, workflow_id, workflow_version, workspace_id, status, completed_at,
                    error_message, error_details, results, total_steps, completed_steps, failed_steps, skipped_steps,
                    running_steps, last_sequence, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, now(), ?, jsonb_build_object('rejected', jsonb_build_object('reason', ?::text)),
                    '{"step_outputs": {}, "step_statuses": {}}'::jsonb, 0, 0, 0, 0, 0, 1, now(), now())
                ON CONFLICT (id) DO UPDATE SET status = excluded.status, error_message = excluded.error_message
                """).params(UUID.fromString(executionId), uuid(workflowId), workflowId == null ? null : 1,
                        uuid(workspaceId), ExecutionStatus.FAILED.apiName(), reason, reason).update();
    }

    /** Writes {@code events} as the history 1..n of {@code executionId}, {@code spacingMillis} apart. */
    public static void history(JdbcClient jdbc, UUID executionId, Instant first, long spacingMillis,
                               List<ExecutionEvent> events) {
        ensureTable(jdbc);
        for (int i = 0; i < events.size(); i++) {
            ExecutionEvent event = events.get(i);
            jdbc.sql("INSERT INTO readmodel.execution_events (execution_id, sequence, occurred_at, type, data)"
                            + " VALUES (?, ?, ?, ?, ?::jsonb)")
                    .params(executionId, i + 1L, utc(first.plusMillis(i * spacingMillis)),
                            event.getClass().getSimpleName(), JsonCodec.instance().encodeToString(event))
                    .update();
        }
    }

    /** An execution as the projection stores it, written by {@link #write}. */
    public static Projected execution(UUID executionId, UUID workflowId, UUID workspaceId,
                                      WorkflowSnapshot definition) {
        return new Projected(executionId, workflowId, workspaceId, definition);
    }

    /** The rows of one projected execution; steps not given stay pending. */
    public static final class Projected {

        private record Step(String status, int attempt, Map<String, Object> input, Map<String, Object> output,
                            Instant startedAt, Instant completedAt, String error) {
        }

        private final UUID id;
        private final UUID workflowId;
        private final UUID workspaceId;
        private final WorkflowSnapshot definition;
        private final Map<String, Step> steps = new LinkedHashMap<>();
        private String status = ExecutionStatus.RUNNING.apiName();
        private Instant startedAt = Instant.now().minusSeconds(10);
        private Instant completedAt;
        private String errorMessage;
        private Map<String, Object> inputs = Map.of();

        private Projected(UUID id, UUID workflowId, UUID workspaceId, WorkflowSnapshot definition) {
            this.id = id;
            this.workflowId = workflowId;
            this.workspaceId = workspaceId;
            this.definition = definition;
        }

        public Projected inputs(Map<String, Object> value) {
            inputs = value;
            return this;
        }

        /** Ended with {@code endStatus} at {@code at}, after starting {@code seconds} earlier. */
        public Projected ended(String endStatus, Instant at, double seconds, String error) {
            status = endStatus;
            completedAt = at;
            startedAt = at.minusMillis(Math.round(seconds * 1000));
            errorMessage = error;
            return this;
        }

        /** Step {@code name} at attempt {@code attempt} in {@code stepStatus}, one attempt row per attempt. */
        public Projected step(String name, String stepStatus, int attempt, Map<String, Object> output, String error) {
            boolean open = stepStatus.equals("pending") || stepStatus.equals("running");
            Instant end = open ? null : startedAt.plusSeconds(1);
            steps.put(name, new Step(stepStatus, attempt, attempt == 0 ? null : Map.of("in", name), output,
                    attempt == 0 ? null : startedAt, end, error));
            return this;
        }

        public void write(JdbcClient jdbc) {
            ensureTable(jdbc);
            jdbc.sql("""
                    INSERT INTO readmodel.executions (id, workflow_id, workflow_version, workspace_id, status,
                        input_variables, results, definition, started_at, completed_at, error_message, total_steps,
                        completed_steps, failed_steps, skipped_steps, running_steps, last_sequence, created_at,
                        updated_at)
                    VALUES (?, ?, 1, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, 0, 0, 0, 0, 1, ?, ?)
                    """).params(id, workflowId, workspaceId, status, json(inputs), json(results()), json(definition),
                            utc(startedAt), utc(completedAt), errorMessage, definition.steps().size(), utc(startedAt),
                            utc(completedAt != null ? completedAt : startedAt)).update();
            for (StepSpec spec : definition.steps()) {
                Step step = steps.getOrDefault(spec.name(), new Step("pending", 0, null, null, null, null, null));
                jdbc.sql("""
                        INSERT INTO readmodel.step_executions (execution_id, step_name, step_order, step_type, status,
                            attempt, retry_count, input_data, output_data, started_at, completed_at, error_message,
                            updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)
                        """).params(id, spec.name(), spec.stepOrder(), spec.stepType(), step.status(), step.attempt(),
                                Math.max(0, step.attempt() - 1), json(step.input()), json(step.output()),
                                utc(step.startedAt()), utc(step.completedAt()), step.error(), utc(startedAt)).update();
                for (int attempt = 1; attempt <= step.attempt(); attempt++) {
                    String attemptStatus = attempt < step.attempt() ? "failed" : step.status();
                    jdbc.sql("""
                            INSERT INTO readmodel.step_attempts (execution_id, step_name, attempt, status, scheduled_at,
                                started_at, completed_at, error_message)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            """).params(id, spec.name(), attempt, attemptStatus, utc(step.startedAt()),
                                    utc(step.startedAt()), utc(step.completedAt()), step.error()).update();
                }
            }
        }

        private Map<String, Object> results() {
            if (completedAt == null) {
                return null;
            }
            Map<String, Object> outputs = new LinkedHashMap<>();
            Map<String, Object> statuses = new LinkedHashMap<>();
            for (StepSpec spec : definition.steps()) {
                Step step = steps.get(spec.name());
                if (step != null && step.output() != null) {
                    outputs.put(spec.name(), step.output());
                }
                statuses.put(spec.name(), step == null ? "cancelled" : step.status());
            }
            return Map.of("step_outputs", outputs, "step_statuses", statuses);
        }
    }

    /** A pinned definition of task steps, each depending on the one before. */
    public static WorkflowSnapshot chainDefinition(String... names) {
        List<StepSpec> steps = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            steps.add(new StepSpec(names[i], "task", i + 1, i == 0 ? List.of() : List.of(names[i - 1]), null, null,
                    null, Map.of()));
        }
        return new WorkflowSnapshot(3600, 0, Map.of(), steps);
    }

    private static String json(Object value) {
        return value == null ? null : JsonCodec.instance().encodeToString(value);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static UUID uuid(String id) {
        return id == null ? null : UUID.fromString(id);
    }
}
