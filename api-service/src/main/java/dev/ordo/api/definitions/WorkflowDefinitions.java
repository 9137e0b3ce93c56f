package dev.ordo.api.definitions;

import dev.ordo.api.web.ApiException;
import dev.ordo.api.workspaces.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and reading workflow definitions within a workspace. */
@Service
public class WorkflowDefinitions {

    static final int DEFAULT_TIMEOUT_SECONDS = 3600;
    static final int DEFAULT_MAX_RETRIES = 3;

    private final WorkflowRepository workflows;
    private final Clock clock;

    WorkflowDefinitions(WorkflowRepository workflows, Clock clock) {
        this.workflows = workflows;
        this.clock = clock;
    }

    @Transactional
    public Workflow create(Workspace workspace, WorkflowCreate request) {
        WorkflowRequestChecks.check(request);
        UUID projectId = projectFor(workspace, request.projectId());
        Instant now = Instant.now(clock);
        Workflow workflow = new Workflow(UUID.randomUUID(), workspace.id(), projectId, request.name(),
                request.description(), 1, true, now, now, document(request, now));
        try {
            workflows.insert(workflow);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("A workflow named '" + request.name() + "' already exists in this project");
        }
        return workflow;
    }

    public Workflow get(Workspace workspace, UUID workflowId) {
        return workflows.find(workspace.id(), workflowId).orElseThrow(() -> ApiException.notFound("Workflow not found"));
    }

    private UUID projectFor(Workspace workspace, UUID requested) {
        if (requested == null) {
            return workspace.defaultProjectId();
        }
        if (!workflows.projectBelongsTo(requested, workspace.id())) {
            throw ApiException.badRequest("Project " + requested + " does not belong to this workspace");
        }
        return requested;
    }

    private static WorkflowDocument document(WorkflowCreate request, Instant now) {
        List<WorkflowCreate.StepInput> steps = request.steps() == null ? List.of() : request.steps();
        List<WorkflowDocument.Step> storedSteps = IntStream.range(0, steps.size())
                .mapToObj(i -> step(steps.get(i), i + 1, now))
                .toList();
        List<WorkflowDocument.Variable> variables = request.variables() == null ? List.of()
                : request.variables().stream().map(v -> variable(v, now)).toList();
        return new WorkflowDocument(orEmpty(request.config()),
                Objects.requireNonNullElse(request.timeoutSeconds(), DEFAULT_TIMEOUT_SECONDS),
                Objects.requireNonNullElse(request.maxRetries(), DEFAULT_MAX_RETRIES),
                orEmpty(request.metadata()), storedSteps, variables);
    }

    private static WorkflowDocument.Step step(WorkflowCreate.StepInput in, int position, Instant now) {
        return new WorkflowDocument.Step(UUID.randomUUID(), in.name(), Objects.requireNonNullElse(in.stepType(), "task"),
                Objects.requireNonNullElse(in.stepOrder(), position),
                in.dependsOnSteps() == null ? List.of() : in.dependsOnSteps(), in.timeoutSeconds(), in.maxRetries(),
                in.conditionExpression(), orEmpty(in.config()), orEmpty(in.metadata()), now, now);
    }

    private static WorkflowDocument.Variable variable(WorkflowCreate.VariableInput in, Instant now) {
        return new WorkflowDocument.Variable(UUID.randomUUID(), in.name(), Objects.requireNonNullElse(in.dataType(), "string"),
                Boolean.TRUE.equals(in.isRequired()), in.defaultValue(), in.description(), orEmpty(in.metadata()),
                now, now);
    }

    private static Map<String, Object> orEmpty(Map<String, Object> map) {
        return map == null ? Map.of() : map;
    }
}
