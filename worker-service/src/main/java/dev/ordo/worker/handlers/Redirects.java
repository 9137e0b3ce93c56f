package dev.ordo.worker.handlers;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The request a redirect asks for, following the rules of the JDK client's {@code NORMAL} policy:
 * 301, 302, 303, 307 and 308 with a {@code Location} are followed, except from https to http; 303
 * (and 301/302 of a POST) go on as GET without a body, 307 and 308 repeat the method and body. The
 * configured headers go along, except the content type of a dropped body.
 */
final class Redirects {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private Redirects() {
    }

    /** The next request, or empty when {@code response} is no redirect to follow. */
    static Optional<HttpRequest> next(HttpRequest request, HttpResponse<?> response) {
        if (!REDIRECTS.contains(response.statusCode())) {
            return Optional.empty();
        }
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty()) {
            return Optional.empty();
        }
        URI target;
        try {
            target = request.uri().resolve(location.get().trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if ("https".equalsIgnoreCase(request.uri().getScheme()) && !"https".equalsIgnoreCase(target.getScheme())) {
            return Optional.empty();
        }
        boolean asGet = response.statusCode() == 303 && !request.method().equals("HEAD")
                || (response.statusCode() == 301 || response.statusCode() == 302) && request.method().equals("POST");
        HttpRequest.Builder next = HttpRequest.newBuilder(request, (name, value) ->
                !(asGet && name.toLowerCase(Locale.ROOT).equals("content-type"))).uri(target);
        if (asGet) {
            next.GET();
        }
        return Optional.of(next.build());
    }
}
