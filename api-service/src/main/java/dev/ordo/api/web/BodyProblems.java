package dev.ordo.api.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

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
        if (cause instanceof InputCoercionException overflow) {
            return outOfRange(overflow);
        }
        if (cause instanceof StreamConstraintsException limit) {
            return new FieldProblem(List.of("body"), withoutInternals(limit.getOriginalMessage()), "json_too_complex");
        }
        if (cause instanceof StreamReadException broken) {
            long offset = broken.getLocation() == null ? 0
                    : Math.max(0, Math.max(broken.getLocation().getCharOffset(), broken.getLocation().getByteOffset()));
            return new FieldProblem(List.of("body", offset), "JSON decode error", "json_invalid");
        }
        if (cause instanceof ValueInstantiationException refused && refused.getCause() instanceof IllegalArgumentException why
                && why.getMessage() != null) {
            return new FieldProblem(location(refused), "Value error, " + why.getMessage(), "value_error");
        }
        if (cause instanceof JacksonException other) {
            return new FieldProblem(location(other), "Input should be a valid value", "value_error");
        }
        return FieldProblem.missing(List.of("body"));
    }

    /** A number too large for its field, e.g. {@code 99999999999999999999} for {@code timeout_seconds}. */
    private static FieldProblem outOfRange(InputCoercionException e) {
        Class<?> target = e.getTargetType();
        boolean isLong = target == Long.class || target == long.class;
        return new FieldProblem(location(e), "Input should be an integer from " + (isLong ? Long.MIN_VALUE : Integer.MIN_VALUE)
                + " to " + (isLong ? Long.MAX_VALUE : Integer.MAX_VALUE), "int_parsing_size");
    }

    /** Jackson's limit messages name the setting that holds the limit; a client needs only the limit. */
    private static String withoutInternals(String message) {
        return message == null ? "The JSON document exceeds a parser limit"
                : message.replaceAll(", from `[^`]*`", "").replaceAll("`[^`]*`", "").trim();
    }

    private static FieldProblem mismatch(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        List<Object> loc = location(e);
        boolean fromString = e.getMessage() != null && e.getMessage().contains("from String");
        if (target == null) {
            return new FieldProblem(loc, "Input should be a valid value", "value_error");
        }
        if (target.isEnum()) {
            return new FieldProblem(loc, "Input should be one of " + java.util.Arrays.toString(target.getEnumConstants()), "enum");
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
