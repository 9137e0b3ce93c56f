package dev.ordo.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one fault under load and then holds the system to what it promises: submissions stream in, the
 * fault strikes (repeated {@link FaultProfile#rounds()} times), the load stops, and then every accepted
 * execution completes by itself, the log keeps its invariants, the read model catches up, and no
 * request was answered with a 500 or left hanging.
 */
final class LoadedScenario {

    /** Something that breaks the system and starts the repair: what it killed is started again, ready or not. */
    @FunctionalInterface
    interface Fault {
        void strike() throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(LoadedScenario.class);
    /**
     * What execute may answer while a dependency is down or behind: accepted, or refused for now (503,
     * or 429 when the engine or the projection lags past the backpressure threshold).
     */
    static final Set<Integer> EXECUTE_ANSWERS = Set.of(202, 429, 503);
    /** What the status route may answer: found, not projected yet, or the database away. */
    static final Set<Integer> STATUS_ANSWERS = Set.of(200, 404, 503);

    private final Http api;
    private final List<String> workflowIds;
    private final Supplier<String> bootstrapServers;
    private final ReadModelAudit readModel;
    private final FaultProfile profile;
    private final Runnable stillRunning;
    private final List<String> acceptedSoFar = new ArrayList<>();
    private volatile String phase = "idle";

    /**
     * @param stillRunning throws when a process that should be up has died on its own
     */
    LoadedScenario(Http api, List<String> workflowIds, Supplier<String> bootstrapServers, ReadModelAudit readModel,
                   FaultProfile profile, Runnable stillRunning) {
        this.api = api;
        this.workflowIds = workflowIds;
        this.bootstrapServers = bootstrapServers;
        this.readModel = readModel;
        this.profile = profile;
        this.stillRunning = stillRunning;
    }

    /** Creates the suite's workflows through the API and returns their ids. */
    static List<String> createWorkflows(Http api, FaultProfile profile) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> workflow : WorkflowShapes.all(profile.sleepMillis())) {
            Http.Response created = api.post("/api/workflows/", workflow);
            assertThat(created.status()).as("create workflow: %s", created.body()).isEqualTo(201);
            ids.add((String) created.json().get("id"));
        }
        return ids;
    }

    /**
     * Runs {@code fault} under load and checks the invariants; {@code alsoAllowed} are further statuses
     * execute may answer while the fault lasts (e.g. nothing listening while the whole stack is down).
     */
    Submissions run(String name, Fault fault, Set<Integer> alsoAllowed) throws Exception {
        Submissions load = new Submissions(api, workflowIds, () -> phase);
        try {
            phase = name + " before";
            load.start(profile.perSecond());
            holdUnderLoad(profile.lead());
            for (int round = 1; round <= profile.rounds(); round++) {
                phase = name + " fault";
                fault.strike();
                phase = name + " after";
                holdUnderLoad(profile.tail());
            }
        } finally {
            load.close();
            phase = "idle";
        }
        LOG.info("{}: answers {}", name, load.statusCounts());
        acceptedSoFar.addAll(load.accepted());
        assertAnsweredWithoutErrorOrHang(name, load.answers(), alsoAllowed);
        assertThat(load.accepted()).as("%s: executions accepted under load", name).isNotEmpty();
        long loadEnded = System.nanoTime();
        EventLogAudit log = awaitAllFinished(name, load.accepted());
        long finished = System.nanoTime();
        assertThat(log.violations()).as("%s: breaks of the log's invariants", name).isEmpty();
        awaitReadModelCaughtUp(name, log);
        LOG.info("{}: {} accepted, log holds {} executions / {} events; all completed {} ms after the load, "
                + "read model caught up {} ms later", name, load.accepted().size(), log.executions(), log.events(),
                (finished - loadEnded) / 1_000_000, (System.nanoTime() - finished) / 1_000_000);
        return load;
    }

    private void holdUnderLoad(Duration duration) {
        await().during(duration).atMost(duration.plusSeconds(5)).pollInterval(Duration.ofMillis(250)).until(() -> {
            stillRunning.run();
            return true;
        });
    }

    private static void assertAnsweredWithoutErrorOrHang(String name, List<Submissions.Answer> answers,
                                                         Set<Integer> alsoAllowed) {
        List<Submissions.Answer> wrong = answers.stream().filter(answer -> !allowed(answer, alsoAllowed)).toList();
        assertThat(wrong).as("%s: answers other than %s for execute and %s for status (%d = timed out, %d = nothing listening)",
                name, EXECUTE_ANSWERS, STATUS_ANSWERS, Http.TIMED_OUT, Http.UNREACHABLE).isEmpty();
    }

    private static boolean allowed(Submissions.Answer answer, Set<Integer> alsoAllowed) {
        boolean duringFault = answer.overlaps(" fault");
        if (duringFault && alsoAllowed.contains(answer.status())) {
            return true;
        }
        return answer.route().equals("execute") ? EXECUTE_ANSWERS.contains(answer.status())
                : STATUS_ANSWERS.contains(answer.status());
    }

    /** Waits until every accepted execution completed and nothing in the log is left unfinished. */
    EventLogAudit awaitAllFinished(String name, List<String> accepted) {
        try {
            return await(name + ": every accepted execution completes").atMost(profile.settle())
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        stillRunning.run();
                        return EventLogAudit.read(bootstrapServers.get());
                    }, log -> log.notCompleted(accepted).isEmpty() && log.unfinished().isEmpty());
        } catch (ConditionTimeoutException e) {
            EventLogAudit log = EventLogAudit.read(bootstrapServers.get());
            assertThat(log.notCompleted(accepted)).as("%s: accepted executions not completed", name).isEmpty();
            assertThat(log.unfinished()).as("%s: executions in the log without an end", name).isEmpty();
            throw e;
        }
    }

    void awaitReadModelCaughtUp(String name, EventLogAudit log) throws Exception {
        Map<String, Long> last = log.lastSequences();
        try {
            await(name + ": the read model catches up with the log").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> readModel.behind(last).isEmpty());
        } catch (ConditionTimeoutException e) {
            assertThat(readModel.behind(last)).as("%s: read-model rows behind the log (events parked: %s)", name,
                    readModel.parkedEvents()).isEmpty();
            throw e;
        }
    }

    List<String> acceptedSoFar() {
        return List.copyOf(acceptedSoFar);
    }
}
