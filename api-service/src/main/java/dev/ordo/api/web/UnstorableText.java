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
 * Finds the strings of a JSON document that PostgreSQL cannot store: those holding the NUL character
 * (U+0000) or a lone UTF-16 surrogate (U+D800..U+DFFF without its pair), values and keys alike, each
 * located as a 422 entry would locate it ({@code ["body", "steps", 0, "name"]}), and the query
 * parameters that hold NUL. PostgreSQL can store NUL in neither {@code text} nor {@code jsonb}, nor
 * compare it with them; the driver would write a lone surrogate as {@code ?}, so that
 * {@code "a\\ud800b"} and {@code "a\\udfffb"} would become the same name. Such a request is refused
 * before it reaches anything that would store or look it up. In JSON a NUL can only be written as an
 * escape (backslash, {@code u0000}) and a surrogate as an escape or as the three bytes of its invalid
 * UTF-8 form, so a body without either is passed without parsing.
 */
final class UnstorableText {

    static final String TYPE = "string_contains_nul";
    static final String SURROGATE_TYPE = "string_unpaired_surrogate";
    private static final byte[] ESCAPE = "\\u0000".getBytes(StandardCharsets.US_ASCII);
    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_PROBLEMS = 20;

    private UnstorableText() {
    }

    /** Every string holding NUL or a lone surrogate, in document order (at most 20); none for a body that does not parse. */
    static List<FieldProblem> in(byte[] json) {
        if (!mayHoldNul(json) && !mayHoldSurrogate(json)) {
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
                } else if (token == JsonToken.PROPERTY_NAME && holdsLoneSurrogate(parser.currentName())) {
                    problems.add(new FieldProblem(location(parser.streamReadContext()),
                            "Keys should not contain an unpaired surrogate (U+D800 to U+DFFF)", SURROGATE_TYPE));
                } else if (token == JsonToken.VALUE_STRING && holdsLoneSurrogate(parser.getString())) {
                    problems.add(new FieldProblem(location(parser.streamReadContext()),
                            "String should not contain an unpaired surrogate (U+D800 to U+DFFF)", SURROGATE_TYPE));
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

    private static boolean holdsLoneSurrogate(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** A {@code \\uD800}..{@code \\uDFFF} escape, or the bytes ED A0..BF that encode a surrogate in (invalid) UTF-8. */
    private static boolean mayHoldSurrogate(byte[] json) {
        for (int i = 0; i + 1 < json.length; i++) {
            if ((json[i] & 0xFF) == 0xED && (json[i + 1] & 0xFF) >= 0xA0 && (json[i + 1] & 0xFF) <= 0xBF) {
                return true;
            }
            if (json[i] == '\\' && i + 3 < json.length && json[i + 1] == 'u' && (json[i + 2] | 0x20) == 'd'
                    && "89abcdefABCDEF".indexOf(json[i + 3]) >= 0) {
                return true;
            }
        }
        return false;
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
