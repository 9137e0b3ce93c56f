package dev.ordo.api.web;

import java.util.List;

/**
 * One entry of a 422 answer, shaped as FastAPI shapes them: where the problem is ({@code loc}, e.g.
 * {@code ["body", "steps", 0, "name"]} or {@code ["query", "limit"]}), what is wrong, and its kind.
 */
public record FieldProblem(List<Object> loc, String msg, String type) {

    public FieldProblem {
        loc = List.copyOf(loc);
    }

    public static FieldProblem missing(List<Object> loc) {
        return new FieldProblem(loc, "Field required", "missing");
    }

    public static FieldProblem atLeast(List<Object> loc, long minimum) {
        return new FieldProblem(loc, "Input should be greater than or equal to " + minimum, "greater_than_equal");
    }

    public static FieldProblem atMost(List<Object> loc, long maximum) {
        return new FieldProblem(loc, "Input should be less than or equal to " + maximum, "less_than_equal");
    }
}
