package dev.ordo.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.ApiTest;
import dev.ordo.api.HttpApi;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApiTest
class OpenApiDocsTest {

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void openapi_json_describes_every_definition_and_workspace_route_with_its_statuses() {
        HttpApi.Response openapi = new HttpApi(port).get("/openapi.json");

        assertThat(openapi.status()).isEqualTo(200);
        Map<String, Object> paths = (Map<String, Object>) openapi.json().get("paths");
        assertThat(paths).containsKeys("/api/workflows", "/api/workflows/", "/api/workflows/{workflow_id}",
                "/api/workflows/validate", "/api/workflows/templates", "/api/workspaces",
                "/api/workspaces/{workspace_id}", "/api/workspaces/{workspace_id}/projects");
        Map<String, Object> byId = (Map<String, Object>) paths.get("/api/workflows/{workflow_id}");
        assertThat(byId).containsKeys("get", "patch", "delete");
        Map<String, Object> delete = (Map<String, Object>) byId.get("delete");
        assertThat((Map<String, Object>) delete.get("responses")).containsKeys("200", "404", "409", "422", "503");
        Map<String, Object> create = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/workflows/")).get("post");
        assertThat((Map<String, Object>) create.get("responses")).containsKeys("201", "400", "409", "422");
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) openapi.json().get("components"))
                .get("schemas");
        assertThat(schemas).containsKeys("WorkflowCreate", "WorkflowUpdate", "WorkflowResponse", "WorkflowTemplate");
        assertThat(properties(schemas, "WorkflowResponse")).containsKeys("id", "workspace_id", "project_id", "is_active",
                "timeout_seconds", "max_retries", "created_at", "updated_at", "steps", "variables");
        assertThat(properties(schemas, "StepInput")).containsKeys("depends_on_steps", "step_order", "condition_expression");
        assertThat(properties(schemas, "ValidationResult")).containsOnlyKeys("is_valid", "errors", "warnings");
        assertThat(properties(schemas, "DefinitionIssue")).containsOnlyKeys("step_id", "step_name", "error_type",
                "message", "details");
    }

    @Test
    @SuppressWarnings("unchecked")
    void openapi_json_describes_every_execution_route_with_snake_case_path_parameters() {
        Map<String, Object> paths = (Map<String, Object>) new HttpApi(port).get("/openapi.json").json().get("paths");

        assertThat(paths).containsKeys("/api/workflows/{workflow_id}/execute",
                "/api/workflows/{workflow_id}/executions",
                "/api/workflows/{workflow_id}/metrics", "/api/workflows/executions/stats",
                "/api/workflows/executions/{execution_id}", "/api/workflows/executions/{execution_id}/status",
                "/api/workflows/executions/{execution_id}/timeline", "/api/workflows/executions/{execution_id}/events",
                "/api/workflows/executions/{execution_id}/state", "/api/workflows/executions/{execution_id}/cancel",
                "/api/workflows/executions/{execution_id}/retry", "/api/workflows/executions/{execution_id}/rerun");
        Map<String, Object> retry = (Map<String, Object>) ((Map<String, Object>) paths
                .get("/api/workflows/executions/{execution_id}/retry")).get("post");
        assertThat((Map<String, Object>) retry.get("responses")).containsKeys("202", "400", "404", "409", "413", "503");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> schemas, String name) {
        return (Map<String, Object>) ((Map<String, Object>) schemas.get(name)).get("properties");
    }

    @Test
    void docs_is_the_swagger_ui_page() {
        HttpApi.Response docs = new HttpApi(port).get("/docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.text()).contains("swagger-ui", "/openapi.json");
    }
}
