package dev.ordo.api.access;

import dev.ordo.api.web.ApiException;
import dev.ordo.api.web.FieldProblem;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The body that issues a key: its workspace, by id or slug (the id wins), and a name saying who holds it. */
@Schema(description = "The workspace a new API key belongs to (workspace_id or workspace_slug) and the key's name")
public record ApiKeyRequest(
        UUID workspaceId,
        @Schema(example = "team-a") String workspaceSlug,
        @Schema(example = "ci pipeline", maxLength = 255) String name) {

    /** @throws ApiException 422 listing each missing or malformed field */
    ApiKeyRequest checked() {
        List<FieldProblem> problems = new ArrayList<>();
        if (workspaceId == null && (workspaceSlug == null || workspaceSlug.isBlank())) {
            problems.add(new FieldProblem(List.of("body", "workspace_id"),
                    "Field required: workspace_id or workspace_slug", "missing"));
        }
        if (name == null) {
            problems.add(FieldProblem.missing(List.of("body", "name")));
        } else if (name.isBlank() || name.length() > 255) {
            problems.add(new FieldProblem(List.of("body", "name"), "String should have 1 to 255 non-blank characters",
                    "string_length"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.unprocessable(problems);
        }
        return this;
    }
}
