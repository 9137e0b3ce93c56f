package dev.ordo.api.definitions;

import java.util.List;

/** A built-in starter definition: its steps and variables can be posted as a new workflow unchanged. */
public record WorkflowTemplate(String id, String name, String description, List<WorkflowCreate.StepInput> steps,
                               List<WorkflowCreate.VariableInput> variables) {

    /** The create request for this template under {@code workflowName}. */
    public WorkflowCreate asCreateRequest(String workflowName) {
        return new WorkflowCreate(workflowName, description, null, null, null, null, steps, variables, null);
    }
}
