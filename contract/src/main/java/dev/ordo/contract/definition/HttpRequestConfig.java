package dev.ordo.contract.definition;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code http_request} (alias {@code http}): {@code url} is required, an absolute http(s) URL or a
 * text with a {@code ${...}} reference resolved at run time; {@code method}, when given, one of
 * {@link #METHODS}; {@code headers}, when given, maps names to strings; {@code timeout_ms}, when
 * given, a whole number of at least 1. {@code body} may be anything JSON.
 */
public final class HttpRequestConfig implements HandlerConfig {

    public static final String HTTP_REQUEST = "http_request";
    /** The name the handler had first; definitions that use it keep working. */
    public static final String HTTP = "http";
    public static final List<String> METHODS = List.of("DELETE", "GET", "HEAD", "PATCH", "POST", "PUT");

    @Override
    public Set<String> processingTypes() {
        return Set.of(HTTP_REQUEST, HTTP);
    }

    @Override
    public List<String> problems(Map<String, Object> config) {
        List<String> problems = new ArrayList<>();
        Object url = config.get("url");
        if (!(url instanceof String text) || text.isBlank()) {
            problems.add("config.url is required and must be a string");
        } else if (!text.contains("${") && !isAbsoluteHttpUrl(text)) {
            problems.add("config.url must be an absolute http or https URL, but is '" + text + "'");
        }
        Object method = config.get("method");
        if (method != null && !(method instanceof String verb && METHODS.contains(verb.toUpperCase(Locale.ROOT)))) {
            problems.add("config.method must be one of " + String.join(", ", METHODS) + ", but is '" + method + "'");
        }
        Object headers = config.get("headers");
        if (headers != null && !(headers instanceof Map<?, ?> fields
                && fields.values().stream().allMatch(String.class::isInstance))) {
            problems.add("config.headers must map header names to strings");
        }
        Object timeout = config.get("timeout_ms");
        if (timeout != null && !((timeout instanceof Integer || timeout instanceof Long)
                && ((Number) timeout).longValue() >= 1)) {
            problems.add("config.timeout_ms must be a whole number of at least 1, but is '" + timeout + "'");
        }
        return problems;
    }

    private static boolean isAbsoluteHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
