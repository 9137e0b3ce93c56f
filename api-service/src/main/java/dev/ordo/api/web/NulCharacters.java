package dev.ordo.api.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Finds the strings of a JSON document that hold the NUL character (U+0000), values and keys alike,
 * each located as a 422 entry would locate it ({@code ["body", "steps", 0, "name"]}), and the query
 * parameters that hold it. PostgreSQL can store NUL in neither {@code text} nor {@code jsonb}, nor
 * compare it with them, so such a request is refused before it reaches anything that would store or
 * look it up. In JSON a NUL can only be written as an escape (backslash, {@code u0000}), so a body
 * without that escape is passed without parsing.
 */
final class NulCharacters {

    static final String TYPE = "string_contains_nul";
    private static final byte[] ESCAPE = "\\u0000".getBytes(StandardCharsets.US_ASCII);
    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_PROBLEMS = 20;

    private NulCharacters() {
    }

    /** Every string holding NUL, in document order (at most 20); none for a body that does not parse. */
    static List<FieldProblem> in(byte[] json) {
        if (!mayHoldNul(json)) {
            return List.of();
        }
        List<FieldProblem> problems = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
            for (JsonToken token = parser.nextToken(); token != null && problems.size() < MAX_PROBLEMS;
                 token = parser.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME && holdsNul(parser.currentName())) {
                    problems.add(new FieldProblem(location(parser.streamReadContext()),
                            "Keys should not contain the NUL character (\\u0000)", TYPE));
                } else if (token == JsonToken.VALUE_STRING && holdsNul(parser.getString())) {
                    problems.add(new FieldProblem(location(parser.streamReadContext()),
                            "String should not contain the NUL character (\\u0000)", TYPE));
                }
            }
        } catch (JacksonException e) {
            return List.of();
        }
        return problems;
    }

    /** Every query parameter whose name or value holds NUL ({@code %00}), located as {@code ["query", name]}. */
    static List<FieldProblem> inQuery(String query) {
        if (query == null || !query.contains("%00")) {
            return List.of();
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decoded(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decoded(pair.substring(equals + 1));
            if (holdsNul(name) || holdsNul(value)) {
                problems.add(new FieldProblem(List.of("query", name.replace("\0", "\\u0000")),
                        "String should not contain the NUL character (\\u0000)", TYPE));
            }
        }
        return problems;
    }

    /** The decoded text, or the text as it is when it is no valid percent-encoding (then it holds no NUL). */
    private static String decoded(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return encoded;
        }
    }

    private static boolean holdsNul(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    /** The path from the document's root to the current token; a key with NUL is shown with the escape. */
    private static List<Object> location(TokenStreamContext context) {
        LinkedList<Object> path = new LinkedList<>();
        for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                path.addFirst(at.getCurrentIndex());
            } else if (at.currentName() != null) {
                path.addFirst(at.currentName().replace("\0", "\\u0000"));
            }
        }
        path.addFirst("body");
        return path;
    }

    private static boolean mayHoldNul(byte[] json) {
        for (int i = 0; i <= json.length - ESCAPE.length; i++) {
            if (json[i] == '\\' && Arrays.equals(json, i, i + ESCAPE.length, ESCAPE, 0, ESCAPE.length)) {
                return true;
            }
        }
        return false;
    }
}
