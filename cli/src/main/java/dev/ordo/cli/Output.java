package dev.ordo.cli;

import java.io.PrintWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Where commands write: lines for people, or the API's JSON, pretty-printed, for scripts. */
public final class Output {

    private static final ObjectMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final PrintWriter out;
    private final boolean json;

    public Output(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    public boolean json() {
        return json;
    }

    public void line(String text) {
        out.println(text);
        out.flush();
    }

    public void json(JsonNode node) {
        out.println(PRETTY.writeValueAsString(node));
        out.flush();
    }

    /** {@code node} as JSON with {@code --json}, else the text line. */
    public void either(JsonNode node, String text) {
        if (json) {
            json(node);
        } else {
            line(text);
        }
    }

    /** A field as text, or {@code -} when it is absent or null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "-" : value.isString() ? value.asString() : value.toString();
    }
}
