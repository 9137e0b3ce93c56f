package dev.ordo.cli.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.cli.CliFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowFileTest {

    @TempDir
    Path dir;

    @Test
    void a_yaml_file_reads_as_the_same_document_as_its_json_twin() throws IOException {
        WorkflowFile yaml = WorkflowFile.read(Files.writeString(dir.resolve("w.yaml"), """
                name: orders
                steps:
                  - {name: a, step_type: task, step_order: 1}
                """));
        WorkflowFile json = WorkflowFile.read(Files.writeString(dir.resolve("w.json"),
                "{\"name\": \"orders\", \"steps\": [{\"name\": \"a\", \"step_type\": \"task\", \"step_order\": 1}]}"));

        assertThat(yaml.document()).isEqualTo(json.document());
        assertThat(yaml.name()).isEqualTo("orders");
        assertThat(yaml.projectId()).isNull();
    }

    @Test
    void a_file_without_a_name_or_not_an_object_or_not_parseable_is_refused_with_the_file_named() throws IOException {
        Path nameless = Files.writeString(dir.resolve("nameless.yaml"), "steps: []\n");
        Path list = Files.writeString(dir.resolve("list.yaml"), "- name: a\n");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"name\": ");

        assertThatThrownBy(() -> WorkflowFile.read(nameless)).isInstanceOf(CliFailure.class).hasMessageContaining("no \"name\"");
        assertThatThrownBy(() -> WorkflowFile.read(list)).isInstanceOf(CliFailure.class).hasMessageContaining("one workflow object");
        assertThatThrownBy(() -> WorkflowFile.read(broken)).isInstanceOf(CliFailure.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> WorkflowFile.read(dir.resolve("missing.yaml"))).isInstanceOf(CliFailure.class)
                .hasMessageContaining("cannot read");
    }
}
