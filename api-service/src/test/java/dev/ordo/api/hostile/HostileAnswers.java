package dev.ordo.api.hostile;

import dev.ordo.api.hostile.HostileCase.Expectation;
import dev.ordo.api.hostile.HostileClient.Answer;
import dev.ordo.contract.wire.JsonCodec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether an answer is what a hostile request is owed: never a 5xx; each 4xx in JSON with a
 * {@code detail} that names no class, package or Jackson internal; the exact status where one is
 * owed (413, 414, 431); a 4xx, not a success, for a request that is wrong.
 */
final class HostileAnswers {

    /** Words that only leak from a framework's exception text. */
    private static final Pattern INTERNALS = Pattern.compile(
            "tools\\.jackson|com\\.fasterxml|dev\\.ordo|java\\.(lang|util)|springframework|org\\.apache|Exception"
                    + "|StreamReadConstraints|MismatchedInput|`[A-Za-z.$]+`|<html|<!doctype", Pattern.CASE_INSENSITIVE);

    /** The fields validate leaves to create (see {@link #judgedInvalid}). */
    private static final List<String> VALIDATE_PASSES = List.of("name = null", "variables[0].name = null",
            "variables[0].data_type = unknown enum value", "variables[0].data_type = enum value in upper case");

    private HostileAnswers() {
    }

    /** Why the answer falls short, or empty when it is what the case is owed. */
    static Optional<String> shortfall(HostileCase hostile, Answer answer) {
        int status = answer.status();
        if (status >= 500) {
            return why(hostile, answer, "a server error");
        }
        Integer owed = owedStatus(hostile.expectation());
        if (owed != null && status != owed) {
            return why(hostile, answer, "not " + owed);
        }
        if (hostile.expectation() == Expectation.REFUSED && status < 400 && !judgedInvalid(hostile, answer)) {
            return why(hostile, answer, "not refused with a 4xx");
        }
        if (status >= 400) {
            return problemInBody(answer).flatMap(problem -> why(hostile, answer, problem));
        }
        return Optional.empty();
    }

    /**
     * A route that judges a document (validate) refuses it by answering {@code "is_valid": false}.
     * Validate judges the graph, not every field create checks: it calls a workflow without a name, or
     * with a variable without a name or of an unknown {@code data_type}, valid (create answers 422).
     */
    private static boolean judgedInvalid(HostileCase hostile, Answer answer) {
        if (answer.status() != 200 || answer.body() == null) {
            return false;
        }
        return answer.body().startsWith("{\"is_valid\":false") || hostile.name().startsWith("POST /api/workflows/validate: ")
                && VALIDATE_PASSES.stream().anyMatch(label -> hostile.name().endsWith(": " + label));
    }

    private static Optional<String> problemInBody(Answer answer) {
        if (!answer.contentType().contains("json")) {
            return Optional.of("a 4xx that is not JSON");
        }
        Object body;
        try {
            body = JsonCodec.instance().decode(answer.body(), Object.class);
        } catch (RuntimeException e) {
            return Optional.of("a 4xx whose body does not parse as JSON");
        }
        if (!(body instanceof Map<?, ?> map) || map.get("detail") == null) {
            return Optional.of("a 4xx without a detail");
        }
        if (INTERNALS.matcher(answer.body()).find()) {
            return Optional.of("a detail that names internals");
        }
        return Optional.empty();
    }

    private static Integer owedStatus(Expectation expectation) {
        switch (expectation) {
            case PAYLOAD_TOO_LARGE:
                return 413;
            case URI_TOO_LONG:
                return 414;
            case HEADERS_TOO_LARGE:
                return 431;
            default:
                return null;
        }
    }

    private static Optional<String> why(HostileCase hostile, Answer answer, String problem) {
        String body = answer.body() == null ? "" : answer.body();
        return Optional.of(hostile + " -> " + answer.status() + " " + answer.contentType() + ": " + problem + ": "
                + (body.length() > 200 ? body.substring(0, 200) + "..." : body));
    }
}
