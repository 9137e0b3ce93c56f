package dev.ordo.cli.workflows;

import dev.ordo.cli.CliFailure;
import dev.ordo.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A workflow definition kept in a file: the body of {@code POST /api/workflows/}, written as JSON
 * ({@code .json}) or YAML (anything else; JSON is YAML too). It must be one object with a
 * {@code name}, which is how {@code ordo apply} finds the workflow to update.
 */
public record WorkflowFile(Path path, ObjectNode document) {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    public static WorkflowFile read(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.REFUSED, "cannot read " + path + ": " + e.getMessage());
        }
        JsonNode parsed;
        try {
            parsed = (path.getFileName().toString().endsWith(".json") ? JSON : YAML).readTree(text);
        } catch (JacksonException e) {
            throw new CliFailure(ExitCode.REFUSED, path + " is not valid " + format(path) + ": " + e.getOriginalMessage());
        }
        if (!(parsed instanceof ObjectNode document)) {
            throw new CliFailure(ExitCode.REFUSED, path + " must hold one workflow object, with a name and steps");
        }
        JsonNode name = document.path("name");
        if (!name.isString() || name.asString().isBlank()) {
            throw new CliFailure(ExitCode.REFUSED, path + " has no \"name\"; ordo apply finds the workflow to update by it");
        }
        return new WorkflowFile(path, document);
    }

    public String name() {
        return document.path("name").asString();
    }

    /** The {@code project_id} the file names, or null. */
    public String projectId() {
        JsonNode project = document.path("project_id");
        return project.isString() ? project.asString() : null;
    }

    private static String format(Path path) {
        return path.getFileName().toString().endsWith(".json") ? "JSON" : "YAML";
    }
}
