package dev.ordo.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.api.HttpApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends cases a few at a time and collects every shortfall, so one run reports all of them; then
 * checks that the service is still healthy: {@code /actuator/health} UP and a normal request served.
 */
final class HostileRun {

    private static final int IN_FLIGHT = 4;

    private HostileRun() {
    }

    /** Every shortfall of {@code cases}, each sent with {@code X-Workspace-Slug: slug}. */
    static List<String> shortfalls(int port, String slug, List<HostileCase> cases) {
        HostileClient client = new HostileClient(port);
        ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
        try {
            List<Future<Optional<String>>> verdicts = new ArrayList<>();
            for (HostileCase hostile : cases) {
                HostileCase scoped = hostile.headers().containsKey("X-Workspace-Slug") ? hostile
                        : hostile.withHeader("X-Workspace-Slug", slug);
                verdicts.add(pool.submit(() -> verdict(client, scoped)));
            }
            List<String> shortfalls = new ArrayList<>();
            for (Future<Optional<String>> verdict : verdicts) {
                verdict.get().ifPresent(shortfalls::add);
            }
            return shortfalls;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Optional<String> verdict(HostileClient client, HostileCase hostile) {
        try {
            return HostileAnswers.shortfall(hostile, client.send(hostile));
        } catch (RuntimeException e) {
            return Optional.of(hostile + " -> no answer: " + e + (e.getCause() == null ? "" : " caused by " + e.getCause()));
        }
    }

    @SuppressWarnings("unchecked")
    static void assertHealthy(HttpApi scoped, HttpApi unscoped) {
        HttpApi.Response health = unscoped.get("/actuator/health");
        assertThat(health.status()).as(health.brief()).isEqualTo(200);
        assertThat(health.json()).containsEntry("status", "UP");
        HttpApi.Response list = scoped.get("/api/workflows/?limit=1");
        assertThat(list.status()).as(list.brief()).isEqualTo(200);
        HttpApi.Response created = scoped.post("/api/workflows/", Map.of("name", "after-the-storm",
                "steps", List.of(Map.of("name", "a", "step_type", "task", "step_order", 1))));
        assertThat(created.status()).as(created.brief()).isIn(201, 409);
    }
}
