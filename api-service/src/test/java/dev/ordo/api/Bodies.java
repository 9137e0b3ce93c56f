package dev.ordo.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for tests: the seed document's example and small workflows built from names. */
public final class Bodies {

    private Bodies() {
    }

    /** The create example of the seed API document, verbatim. */
    public static String seedWorkflow() {
        try (InputStream in = Bodies.class.getResourceAsStream("/seed-workflow.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid chain of task steps {@code names[0] <- names[1] <- ...}. */
    public static Map<String, Object> chain(String workflowName, String... names) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            steps.add(step(names[i], i + 1, i == 0 ? List.of() : List.of(names[i - 1])));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", workflowName);
        body.put("steps", steps);
        return body;
    }

    public static Map<String, Object> step(String name, int order, List<String> dependsOn) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("name", name);
        step.put("step_type", "task");
        step.put("step_order", order);
        step.put("depends_on_steps", dependsOn);
        return step;
    }

    /** {@code body} with {@code key} set to {@code value}. */
    public static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }
}
