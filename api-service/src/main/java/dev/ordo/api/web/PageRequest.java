package dev.ordo.api.web;

import java.util.ArrayList;
import java.util.List;

/** {@code skip} (0 or more) and {@code limit} (1 to 100) of a list route; out of range is a 422. */
public record PageRequest(int skip, int limit) {

    public static final int MAX_LIMIT = 100;

    public static PageRequest of(int skip, int limit) {
        List<FieldProblem> problems = new ArrayList<>();
        if (skip < 0) {
            problems.add(FieldProblem.atLeast(List.of("query", "skip"), 0));
        }
        if (limit < 1) {
            problems.add(FieldProblem.atLeast(List.of("query", "limit"), 1));
        } else if (limit > MAX_LIMIT) {
            problems.add(FieldProblem.atMost(List.of("query", "limit"), MAX_LIMIT));
        }
        if (!problems.isEmpty()) {
            throw ApiException.unprocessable(problems);
        }
        return new PageRequest(skip, limit);
    }
}
