package dev.ordo.api.workspaces;

import dev.ordo.api.web.ApiException;
import dev.ordo.api.web.FieldProblem;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The body that creates a workspace or a project: a display name (1 to 255 characters) and a slug
 * of lower-case letters and digits in hyphen-separated groups, at most 64 characters
 * ({@code team-a}, {@code billing2}).
 */
@Schema(description = "Name and slug of a new workspace or project")
public record NamedSlug(
        @Schema(example = "Team A", maxLength = 255) String name,
        @Schema(example = "team-a", pattern = NamedSlug.SLUG_PATTERN, maxLength = 64) String slug) {

    static final String SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    private static final Pattern SLUG = Pattern.compile(SLUG_PATTERN);
    private static final int MAX_SLUG_LENGTH = 64;

    /** @throws ApiException 422 listing each malformed field */
    NamedSlug checked() {
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null) {
            problems.add(FieldProblem.missing(List.of("body", "name")));
        } else if (name.isBlank() || name.length() > 255) {
            problems.add(new FieldProblem(List.of("body", "name"), "String should have 1 to 255 non-blank characters",
                    "string_length"));
        }
        if (slug == null) {
            problems.add(FieldProblem.missing(List.of("body", "slug")));
        } else if (slug.length() > MAX_SLUG_LENGTH || !SLUG.matcher(slug).matches()) {
            problems.add(new FieldProblem(List.of("body", "slug"), "String should match pattern '" + SLUG_PATTERN
                    + "' and have at most " + MAX_SLUG_LENGTH + " characters", "string_pattern_mismatch"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.unprocessable(problems);
        }
        return this;
    }
}
