package dev.ordo.api.definitions;

import dev.ordo.contract.wire.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The built-in templates, read once from {@code templates/workflow-templates.json}. Their ids are
 * stable. Every template must pass validation; one that does not stops the service from starting.
 */
@Component
public class WorkflowTemplates {

    static final String RESOURCE = "/templates/workflow-templates.json";

    private final List<WorkflowTemplate> templates;

    WorkflowTemplates() {
        this.templates = load();
        templates.forEach(template -> {
            WorkflowCreate request = template.asCreateRequest(template.name());
            DefinitionChecks.requireValid(request, WorkflowDocuments.of(request, Instant.EPOCH));
        });
    }

    public List<WorkflowTemplate> all() {
        return templates;
    }

    static List<WorkflowTemplate> load() {
        try (InputStream in = WorkflowTemplates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return Arrays.asList(JsonCodec.instance().decode(in.readAllBytes(), WorkflowTemplate[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
