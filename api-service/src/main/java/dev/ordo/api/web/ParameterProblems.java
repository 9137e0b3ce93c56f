package dev.ordo.api.web;

import java.util.List;
import java.util.UUID;

/** FastAPI's 422 entries for path and query parameters that do not parse as their type. */
final class ParameterProblems {

    private ParameterProblems() {
    }

    static FieldProblem unparsable(List<Object> loc, Class<?> type) {
        if (type == UUID.class) {
            return new FieldProblem(loc, "Input should be a valid UUID", "uuid_parsing");
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return new FieldProblem(loc, "Input should be a valid integer, unable to parse string as an integer",
                    "int_parsing");
        }
        if (type == Boolean.class || type == boolean.class) {
            return new FieldProblem(loc, "Input should be a valid boolean, unable to interpret input", "bool_parsing");
        }
        return new FieldProblem(loc, "Input should be a valid value", "value_error");
    }
}
