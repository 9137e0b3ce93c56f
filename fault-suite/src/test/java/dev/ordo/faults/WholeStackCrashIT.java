package dev.ordo.faults;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * kill -9 of the whole local stack, PostgreSQL included, in the middle of a burst, and a start on the
 * same data: what {@code ./run} promises to keep, it keeps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WholeStackCrashIT {

    private final FaultProfile profile = FaultProfile.current();
    private WholeStack stack;
    private LoadedScenario scenario;

    @BeforeAll
    void startTheLocalStackAsAProcess() {
        Path dataDir = Path.of("target", "fault-data", "whole").toAbsolutePath();
        FaultFiles.deleteRecursively(dataDir);
        stack = new WholeStack(dataDir).start();
        Http api = new Http(stack.apiPort());
        scenario = new LoadedScenario(api, LoadedScenario.createWorkflows(api, profile), stack::bootstrapServers,
                new ReadModelAudit(stack.jdbcUrl()), profile, stack::requireAlive);
    }

    @AfterAll
    void killEverything() {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            ProcessReaper.killAll();
        }
    }

    @Test
    void given_a_burst_of_executions_when_the_whole_stack_is_killed_and_started_again_then_every_accepted_one_completes()
            throws Exception {
        scenario.run("whole stack kill", () -> {
            stack.crash();
            stack.start();
        }, Set.of(Http.UNREACHABLE));
    }
}
