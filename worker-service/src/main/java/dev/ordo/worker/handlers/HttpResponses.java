package dev.ordo.worker.handlers;

import dev.ordo.contract.wire.JsonCodec;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** How an HTTP response ends an attempt of {@code http_request}; see {@link HttpRequestHandler}. */
final class HttpResponses {

    private HttpResponses() {
    }

    static StepOutcome outcome(String call, HttpResponse<CappedBody> response) {
        int status = response.statusCode();
        if (response.body().exceeded()) {
            return StepOutcome.failedTerminally(call + " answered " + status + " with a body of more than "
                    + HttpRequestHandler.MAX_BODY_BYTES + " bytes, more than a step output may hold; it was not read");
        }
        if (status >= 400) {
            boolean retryable = status == 408 || status == 429 || status >= 500;
            return new StepOutcome.Failed(call + " answered " + status, retryable);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("status_code", status);
        output.put("headers", headers(response));
        output.put("body", body(response.body().bytes(), contentType));
        output.put("content_type", contentType);
        return StepOutcome.succeeded(output);
    }

    private static Map<String, Object> headers(HttpResponse<?> response) {
        Map<String, Object> headers = new TreeMap<>();
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            if (!header.getKey().startsWith(":")) {
                headers.put(header.getKey().toLowerCase(Locale.ROOT), String.join(", ", header.getValue()));
            }
        }
        return headers;
    }

    private static Object body(byte[] bytes, String contentType) {
        if (bytes.length == 0) {
            return null;
        }
        String text = new String(bytes, charset(contentType));
        if (contentType.toLowerCase(Locale.ROOT).contains("json")) {
            try {
                return JsonCodec.instance().decode(text, Object.class);
            } catch (RuntimeException e) {
                return text;
            }
        }
        return text;
    }

    private static Charset charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equalsIgnoreCase("charset")) {
                try {
                    return Charset.forName(pair[1].trim().replace("\"", ""));
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
