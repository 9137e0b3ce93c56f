package dev.ordo.domain.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test vocabulary for definitions: {@code workflow(step("a"), step("b").after("a"))}. */
final class Drafts {

    private Drafts() {
    }

    static WorkflowDraft workflow(Step... steps) {
        return new WorkflowDraft(3600, Arrays.stream(steps).map(Step::draft).toList(), List.of());
    }

    static WorkflowDraft workflowWithVariables(List<String> variables, Step... steps) {
        return new WorkflowDraft(3600, Arrays.stream(steps).map(Step::draft).toList(), variables);
    }

    /** A task step named {@code name} at order 1 with no dependencies. */
    static Step step(String name) {
        return new Step(name);
    }

    /** A chain {@code s0 <- s1 <- ... <- s(n-1)}, each at order i + 1. */
    static List<StepDraft> chain(int length) {
        List<StepDraft> steps = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            steps.add(step("s" + i).order(i + 1).after(i == 0 ? new String[0] : new String[] {"s" + (i - 1)}).draft());
        }
        return steps;
    }

    static final class Step {
        private final String name;
        private String type = "task";
        private Integer order = 1;
        private List<String> dependsOn = List.of();
        private Integer timeout;
        private Integer retries;
        private String condition;
        private Map<String, Object> config = new LinkedHashMap<>();

        private Step(String name) {
            this.name = name;
        }

        Step type(String stepType) {
            this.type = stepType;
            return this;
        }

        Step order(Integer stepOrder) {
            this.order = stepOrder;
            return this;
        }

        Step after(String... names) {
            this.dependsOn = Arrays.asList(names);
            return this;
        }

        Step timeout(Integer seconds) {
            this.timeout = seconds;
            return this;
        }

        Step retries(Integer count) {
            this.retries = count;
            return this;
        }

        Step condition(String expression) {
            this.condition = expression;
            return this;
        }

        Step config(String key, Object value) {
            this.config.put(key, value);
            return this;
        }

        StepDraft draft() {
            return new StepDraft(null, name, type, order, dependsOn, timeout, retries, condition, config);
        }
    }
}
