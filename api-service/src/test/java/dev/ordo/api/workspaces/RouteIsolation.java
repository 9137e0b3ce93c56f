package dev.ordo.api.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.HttpApi;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;

/**
 * Proves that one workspace's objects are out of another's reach on every route with an id in its path,
 * as {@code /openapi.json} lists them, so that a new route is covered without a new test. For each
 * route, the intruder's request with the owner's ids is answered exactly as the same request with
 * made-up ids (a 4xx: nothing is revealed, nothing is changed), while the owner's request with its ids
 * is answered differently from the owner's with made-up ids (so the ids and the request are good ones).
 * Deletions run last, so that every other route still finds the owner's objects.
 */
public final class RouteIsolation {

    /** One operation of {@code /openapi.json}: a method and a path template such as {@code /api/workflows/{workflow_id}}. */
    public record Route(String method, String template) {

        private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

        List<String> parameters() {
            List<String> names = new ArrayList<>();
            Matcher matcher = PARAMETER.matcher(template);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }

        String path(Map<String, String> ids) {
            String path = template;
            for (String name : parameters()) {
                String id = ids.get(name);
                assertThat(id).as("No object to probe path parameter '%s' of %s %s with: add one to the isolation"
                        + " test's ids", name, method, template).isNotNull();
                path = path.replace("{" + name + "}", id);
            }
            return path;
        }

        /** A body the route accepts, so that only the ids decide the answer. */
        String body() {
            if (method.equals("POST")) {
                return template.endsWith("/projects")
                        ? "{\"name\":\"Probe\",\"slug\":\"probe-" + UUID.randomUUID().toString().substring(0, 8) + "\"}"
                        : "{}";
            }
            return method.equals("PATCH") || method.equals("PUT") ? "{\"description\":\"changed by the probe\"}" : null;
        }
    }

    private RouteIsolation() {
    }

    /** Every operation whose path holds a parameter, deletions last. */
    @SuppressWarnings("unchecked")
    public static List<Route> routesWithIds(HttpApi api, Predicate<Route> included) {
        HttpApi.Response openapi = api.get("/openapi.json");
        assertThat(openapi.status()).isEqualTo(200);
        List<Route> routes = new ArrayList<>();
        ((Map<String, Map<String, Object>>) openapi.json().get("paths")).forEach((template, operations) -> {
            if (template.contains("{")) {
                operations.keySet().stream().filter(method -> List.of("get", "post", "put", "patch", "delete")
                        .contains(method)).forEach(method -> routes.add(new Route(method.toUpperCase(), template)));
            }
        });
        return routes.stream().filter(included)
                .sorted(Comparator.comparing((Route route) -> route.method().equals("DELETE"))).toList();
    }

    /**
     * @param ownersIds an id of the owner's for every path parameter name
     * @param owner     who owns the objects, per route (the admin, for admin routes)
     */
    public static void assertIsolated(List<Route> routes, Map<String, String> ownersIds,
                                      Function<Route, HttpApi> owner, HttpApi intruder) {
        assertThat(routes).as("routes with an id in /openapi.json").isNotEmpty();
        Map<String, String> madeUp = new LinkedHashMap<>();
        ownersIds.keySet().forEach(name -> madeUp.put(name, UUID.randomUUID().toString()));
        SoftAssertions softly = new SoftAssertions();
        for (Route route : routes) {
            HttpApi.Response guessed = send(intruder, route, route.path(madeUp));
            HttpApi.Response intruding = send(intruder, route, route.path(ownersIds));
            softly.assertThat(intruding.status()).as("%s %s by the intruder: %s", route.method(), route.template(),
                    intruding.brief()).isEqualTo(guessed.status()).isBetween(400, 499);
            softly.assertThat(intruding.text()).as("%s %s by the intruder", route.method(), route.template())
                    .isEqualTo(guessed.text());
        }
        for (Route route : routes) {
            HttpApi.Response unknown = send(owner.apply(route), route, route.path(madeUp));
            HttpApi.Response own = send(owner.apply(route), route, route.path(ownersIds));
            softly.assertThat(own.status() + " " + own.text()).as("%s %s by the owner, against made-up ids",
                    route.method(), route.template()).isNotEqualTo(unknown.status() + " " + unknown.text());
        }
        softly.assertAll();
    }

    private static HttpApi.Response send(HttpApi api, Route route, String path) {
        return api.send(route.method(), path, route.body());
    }
}
