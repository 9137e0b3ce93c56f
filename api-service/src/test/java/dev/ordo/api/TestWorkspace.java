package dev.ordo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

/** A workspace of its own for one test, created through the API, with a client scoped to it. */
public record TestWorkspace(String id, String slug, String defaultProjectId, HttpApi api) {

    public static TestWorkspace create(HttpApi unscoped) {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 13);
        HttpApi.Response created = unscoped.post("/api/workspaces", Map.of("name", "Test " + slug, "slug", slug));
        assertThat(created.status()).as("create workspace: %s", created.text()).isEqualTo(201);
        return new TestWorkspace((String) created.json().get("id"), slug,
                (String) created.json().get("default_project_id"), unscoped.in(slug));
    }

    /** Creates a workflow from {@code body} and returns its id; the create must succeed. */
    public String createWorkflow(Object body) {
        HttpApi.Response created = api.post("/api/workflows/", body);
        assertThat(created.status()).as("create workflow: %s", created.text()).isEqualTo(201);
        return (String) created.json().get("id");
    }
}
