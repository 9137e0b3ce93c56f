package dev.ordo.api.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the query parameters that are no valid percent-encoded UTF-8 ({@code ?skip=%ff},
 * {@code ?q=%zz}, a surrogate's three bytes {@code %ED%A0%80}), each located as
 * {@code ["query", name]}. Tomcat cannot decode them and would fail the request with an exception
 * no route sees; they are refused with 422 first.
 */
final class QueryEncoding {

    static final String TYPE = "query_encoding";
    private static final int MAX_PROBLEMS = 20;

    private QueryEncoding() {
    }

    static List<FieldProblem> problems(String query) {
        if (query == null || query.isEmpty()) {
            return List.of();
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name = decoded(rawName);
            String value = equals < 0 ? "" : decoded(pair.substring(equals + 1));
            if ((name == null || value == null) && problems.size() < MAX_PROBLEMS) {
                problems.add(new FieldProblem(List.of("query", name == null ? rawName : name),
                        "Query parameters should be valid percent-encoded UTF-8", TYPE));
            }
        }
        return problems;
    }

    /** The decoded text, or null when it holds a broken {@code %} escape or bytes that are no UTF-8. */
    private static String decoded(String encoded) {
        ByteBuffer bytes = ByteBuffer.allocate(encoded.length() * 3);
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return null;
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.put((byte) (high * 16 + low));
                i += 2;
            } else {
                bytes.put(String.valueOf(c == '+' ? ' ' : c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
