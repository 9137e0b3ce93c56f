package dev.ordo.cli.workflows;

import dev.ordo.cli.Api;
import dev.ordo.cli.CliFailure;
import dev.ordo.cli.ExitCode;
import dev.ordo.cli.Ids;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Finds workflows the way people name them: by id, or by name within the workspace (and project,
 * when one is given). Names are unique per project, so a name alone can be ambiguous across
 * projects; that is refused with the candidates listed.
 */
public final class WorkflowRef {

    private static final int PAGE = 100;

    private WorkflowRef() {
    }

    /** The workflow's id for an id or a name; a name nobody has is refused. */
    public static String resolve(Api api, String idOrName) {
        if (Ids.isUuid(idOrName)) {
            return idOrName;
        }
        return findByName(api, idOrName, null).map(found -> found.path("id").asString())
                .orElseThrow(() -> new CliFailure(ExitCode.REFUSED, "no workflow named \"" + idOrName + "\" in this workspace"));
    }

    /** The workflow with this name (in {@code projectId}, if given), if there is one. */
    public static java.util.Optional<JsonNode> findByName(Api api, String name, String projectId) {
        List<JsonNode> matches = new ArrayList<>();
        for (int skip = 0; ; skip += PAGE) {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("skip", skip);
            query.put("limit", PAGE);
            query.put("project_id", projectId);
            JsonNode page = api.get("/api/workflows/", query);
            for (JsonNode workflow : page.path("items")) {
                if (name.equals(workflow.path("name").asString())) {
                    matches.add(workflow);
                }
            }
            if (skip + PAGE >= page.path("total").asLong()) {
                break;
            }
        }
        if (matches.size() > 1) {
            throw new CliFailure(ExitCode.REFUSED, "\"" + name + "\" names " + matches.size()
                    + " workflows in different projects; give the id, or project_id in the file: "
                    + matches.stream().map(found -> found.path("id").asString() + " (project "
                    + found.path("project_id").asString() + ")").toList());
        }
        return matches.stream().findFirst();
    }
}
