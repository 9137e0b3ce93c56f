package dev.ordo.engine;

import dev.ordo.contract.wire.JsonCodec;
import java.util.Map;
import java.util.UUID;

/**
 * What can still be read from a record the engine could not decode, best effort: its {@code type}
 * and the ids and step name it names at its top level. Whatever is missing or malformed is null
 * ({@code workflowVersion} 0).
 */
record RawFields(String type, UUID workflowId, int workflowVersion, UUID workspaceId, UUID projectId,
                 String stepName) {

    static final RawFields NONE = new RawFields(null, null, 0, null, null, null);

    static RawFields of(byte[] raw) {
        Map<?, ?> tree = tree(raw);
        if (tree == null) {
            return NONE;
        }
        return new RawFields(text(tree.get("type")), uuid(tree.get("workflow_id")), number(tree.get("workflow_version")),
                uuid(tree.get("workspace_id")), uuid(tree.get("project_id")), text(tree.get("step_name")));
    }

    private static Map<?, ?> tree(byte[] raw) {
        if (raw == null) {
            return null;
        }
        try {
            return JsonCodec.instance().decode(raw, Map.class);
        } catch (RuntimeException notAnObject) {
            return null;
        }
    }

    private static String text(Object value) {
        return value instanceof String text ? FailureText.shortened(text, 200) : null;
    }

    private static UUID uuid(Object value) {
        return value instanceof String text ? ExecutionIds.parse(text) : null;
    }

    private static int number(Object value) {
        return value instanceof Integer number ? number : 0;
    }
}
