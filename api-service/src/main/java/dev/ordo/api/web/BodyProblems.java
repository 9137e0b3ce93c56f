package dev.ordo.api.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Translates an unreadable request body into FastAPI's 422 entries: no body is a missing
 * {@code body}; broken JSON is {@code json_invalid} at the character offset; a value of the wrong
 * type is located by its JSON path, e.g. {@code ["body", "steps", 0, "timeout_seconds"]}.
 */
final class BodyProblems {

    private BodyProblems() {
    }

    static FieldProblem of(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof MismatchedInputException mismatch) {
            return mismatch(mismatch);
        }
        if (cause instanceof StreamReadException broken) {
            long offset = broken.getLocation() == null ? 0
                    : Math.max(0, Math.max(broken.getLocation().getCharOffset(), broken.getLocation().getByteOffset()));
            return new FieldProblem(List.of("body", offset), "JSON decode error", "json_invalid");
        }
        if (cause instanceof JacksonException other) {
            return new FieldProblem(location(other), "Value error, " + other.getOriginalMessage(), "value_error");
        }
        return FieldProblem.missing(List.of("body"));
    }

    private static FieldProblem mismatch(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        List<Object> loc = location(e);
        boolean fromString = e.getMessage() != null && e.getMessage().contains("from String");
        if (target == null) {
            return new FieldProblem(loc, "Input should be a valid value", "value_error");
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return new FieldProblem(loc, "Input should be a valid list", "list_type");
        }
        if (Map.class.isAssignableFrom(target)) {
            return new FieldProblem(loc, "Input should be a valid dictionary", "dict_type");
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return integer(loc, e, fromString);
        }
        if (target == String.class) {
            return new FieldProblem(loc, "Input should be a valid string", "string_type");
        }
        if (target == Boolean.class || target == boolean.class) {
            return new FieldProblem(loc, "Input should be a valid boolean", fromString ? "bool_parsing" : "bool_type");
        }
        if (target == UUID.class) {
            return new FieldProblem(loc, "Input should be a valid UUID", "uuid_parsing");
        }
        return new FieldProblem(loc, "Input should be a valid dictionary or object to extract fields from",
                "model_attributes_type");
    }

    private static FieldProblem integer(List<Object> loc, MismatchedInputException e, boolean fromString) {
        if (fromString) {
            return new FieldProblem(loc, "Input should be a valid integer, unable to parse string as an integer",
                    "int_parsing");
        }
        if (e.getCurrentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
            return new FieldProblem(loc, "Input should be a valid integer, got a number with a fractional part",
                    "int_from_float");
        }
        return new FieldProblem(loc, "Input should be a valid integer", "int_type");
    }

    private static List<Object> location(JacksonException e) {
        List<Object> loc = new ArrayList<>();
        loc.add("body");
        for (JacksonException.Reference step : e.getPath()) {
            loc.add(step.getPropertyName() != null ? step.getPropertyName() : (Object) step.getIndex());
        }
        return loc;
    }
}
