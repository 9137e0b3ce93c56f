package dev.ordo.domain.validation;

import dev.ordo.contract.definition.StepKind;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What each built-in {@code config.processing_type} of a task or agent step requires of its config.
 * A rule returns the problems it finds, each a sentence; none means the config is accepted.
 * <ul>
 *   <li>{@code default}: anything.</li>
 *   <li>{@code data_transformation}: {@code mapping}, when given, maps output fields to non-empty
 *       dotted input paths; {@code uppercase}, when given, lists field names.</li>
 *   <li>{@code http}: {@code url} is an absolute http(s) URL or contains a {@code ${...}} reference
 *       resolved at run time; {@code method}, when given, is one of GET, POST, PUT, PATCH, DELETE, HEAD;
 *       {@code headers}, when given, maps names to strings.</li>
 *   <li>{@code delay} (a durable timer kept by the engine): {@code delay_ms} or {@code delay_seconds},
 *       a number of at least 0, read and judged as the {@link StepKind.Delay} the step is.</li>
 *   <li>{@code sleep} (a worker that waits): {@code millis} or {@code seconds}, a number of at least 0,
 *       read by {@link StepKind#sleep} as the worker reads it.</li>
 *   <li>{@code flaky} (fault injection): {@code fail_times}, when given, a whole number of at least 0.</li>
 * </ul>
 */
final class ProcessingTypes {

    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");
    private static final Map<String, Function<Map<String, Object>, List<String>>> RULES = Map.of(
            StepKind.DEFAULT_PROCESSING_TYPE, config -> List.of(),
            "data_transformation", ProcessingTypes::dataTransformation,
            "http", ProcessingTypes::http,
            StepKind.DELAY_PROCESSING_TYPE, config -> List.of(),
            StepKind.SLEEP_PROCESSING_TYPE, config -> StepKind.sleep(config).problems(),
            "flaky", ProcessingTypes::flaky);

    private ProcessingTypes() {
    }

    static boolean isBuiltIn(String processingType) {
        return RULES.containsKey(processingType);
    }

    /** The problems of a config for a built-in type; none for a type that is not built in. */
    static List<String> problems(String processingType, Map<String, Object> config) {
        return RULES.getOrDefault(processingType, ignored -> List.of()).apply(config);
    }

    private static List<String> dataTransformation(Map<String, Object> config) {
        List<String> problems = new ArrayList<>();
        Object mapping = config.get("mapping");
        if (mapping != null && !(mapping instanceof Map<?, ?> fields && fields.values().stream().allMatch(
                path -> path instanceof String text && !text.isBlank()))) {
            problems.add("config.mapping must map output field names to non-empty input paths");
        }
        Object uppercase = config.get("uppercase");
        if (uppercase != null && !(uppercase instanceof List<?> names && names.stream().allMatch(String.class::isInstance))) {
            problems.add("config.uppercase must be a list of field names");
        }
        return problems;
    }

    private static List<String> http(Map<String, Object> config) {
        List<String> problems = new ArrayList<>();
        Object url = config.get("url");
        if (!(url instanceof String text) || text.isBlank()) {
            problems.add("config.url is required and must be a string");
        } else if (!text.contains("${") && !isAbsoluteHttpUrl(text)) {
            problems.add("config.url must be an absolute http or https URL, but is '" + text + "'");
        }
        Object method = config.get("method");
        if (method != null && !(method instanceof String verb && HTTP_METHODS.contains(verb.toUpperCase(java.util.Locale.ROOT)))) {
            problems.add("config.method must be one of DELETE, GET, HEAD, PATCH, POST, PUT, but is '" + method + "'");
        }
        Object headers = config.get("headers");
        if (headers != null && !(headers instanceof Map<?, ?> fields && fields.values().stream().allMatch(String.class::isInstance))) {
            problems.add("config.headers must map header names to strings");
        }
        return problems;
    }

    private static List<String> flaky(Map<String, Object> config) {
        Object failTimes = config.get("fail_times");
        if (failTimes != null && !((failTimes instanceof Integer || failTimes instanceof Long)
                && ((Number) failTimes).longValue() >= 0)) {
            return List.of("config.fail_times must be a whole number of at least 0");
        }
        return List.of();
    }

    private static boolean isAbsoluteHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
