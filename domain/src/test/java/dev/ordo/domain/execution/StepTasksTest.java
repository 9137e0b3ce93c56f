package dev.ordo.domain.execution;

import dev.ordo.contract.execution.StepTask;
import static dev.ordo.domain.execution.Scenario.EXECUTION;
import static dev.ordo.domain.execution.Scenario.given;
import static dev.ordo.domain.execution.Scenario.scheduled;
import static dev.ordo.domain.execution.Scenario.started;
import static dev.ordo.domain.execution.Scenario.succeeded;
import static dev.ordo.domain.execution.Scenario.task;
import static dev.ordo.domain.execution.Scenario.withConfig;
import static dev.ordo.domain.execution.Scenario.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.contract.definition.WorkflowSnapshot;
import dev.ordo.contract.execution.ExecutionEvent.StepScheduled;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepTasksTest {

    @Test
    void a_task_carries_its_config_with_every_reference_resolved() {
        WorkflowSnapshot definition = workflow(task("lookup"),
                withConfig(withConfig(task("call", "lookup"), "processing_type", "http"), "url",
                        "${endpoint}/orders/${steps.lookup.output.id}"));
        StepScheduled call = scheduled("call", 1, Map.of());
        ExecutionState state = given(started(definition, Map.of("endpoint", "https://shop.test")),
                scheduled("lookup", 1, Map.of()), succeeded("lookup", 1, Map.of("id", 42)), call).stateBefore();

        StepTask task = StepTasks.of(state, call);

        assertThat(task.executionId()).isEqualTo(EXECUTION);
        assertThat(task.attempt()).isEqualTo(1);
        assertThat(task.config()).containsEntry("processing_type", "http")
                .containsEntry("url", "https://shop.test/orders/42");
    }

}
