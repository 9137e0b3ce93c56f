package dev.ordo.api.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Every error answer: {@code detail} is a sentence, or for a refused workflow graph an object with
 * {@code message}, {@code errors} and {@code warnings}, or for a 422 the list of {@link FieldProblem}s.
 */
@Schema(description = "FastAPI-shaped error: {\"detail\": ...}")
public record ErrorBody(
        @Schema(description = "A sentence, a {message, errors, warnings} object, or a list of {loc, msg, type}",
                example = "Workflow not found")
        Object detail) {
}
