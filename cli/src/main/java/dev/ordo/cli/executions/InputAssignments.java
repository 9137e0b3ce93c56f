package dev.ordo.cli.executions;

import dev.ordo.cli.CliFailure;
import dev.ordo.cli.ExitCode;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns {@code --input key=value} into {@code input_variables}, typed by the workflow's declared
 * variables: a {@code string} variable takes the text as it is ({@code zip=01234} stays a string);
 * {@code int}, {@code float}, {@code bool} and {@code json} variables take the text as JSON
 * ({@code count=3}, {@code dry_run=true}, {@code order={"id":1}}). An undeclared name takes JSON
 * when the text is JSON, else the text. The API still checks every type and answers 400 naming
 * each mismatch.
 */
public final class InputAssignments {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private InputAssignments() {
    }

    /**
     * @param assignments {@code key=value} texts, in order; a later key wins
     * @param declaredTypes variable name to {@code data_type}
     */
    public static ObjectNode parse(List<String> assignments, Map<String, String> declaredTypes) {
        ObjectNode inputs = JSON.createObjectNode();
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new CliFailure(ExitCode.USAGE, "--input wants key=value, got \"" + assignment + "\"");
            }
            String name = assignment.substring(0, equals);
            String text = assignment.substring(equals + 1);
            inputs.set(name, value(name, text, declaredTypes.get(name)));
        }
        return inputs;
    }

    private static JsonNode value(String name, String text, String dataType) {
        if ("string".equals(dataType)) {
            return JSON.getNodeFactory().stringNode(text);
        }
        JsonNode parsed = parseJson(text);
        if (parsed != null) {
            return parsed;
        }
        if (dataType == null) {
            return JSON.getNodeFactory().stringNode(text);
        }
        throw new CliFailure(ExitCode.USAGE, "--input " + name + " is declared " + dataType + ", but \"" + text
                + "\" is not a " + dataType + " (give it as JSON)");
    }

    private static JsonNode parseJson(String text) {
        try {
            return text.isBlank() ? null : JSON.readTree(text);
        } catch (JacksonException notJson) {
            return null;
        }
    }
}
