package dev.ordo.worker.handlers;

import dev.ordo.contract.definition.SleepConfig;
import dev.ordo.contract.definition.StepKind;
import dev.ordo.contract.execution.StepTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code sleep}: waits {@code config.millis} (or {@code config.seconds}, fractions allowed), then
 * succeeds with its input plus {@code slept_ms}. It honours the task's deadline: when the wait
 * would outlast it, it waits only until the deadline and fails (retryably), as the engine will
 * time the attempt out anyway. Useful to model slow work and to exercise timeouts.
 */
@Component
class SleepHandler implements StepHandler {

    /** Waits; the production one parks the thread. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final SleepConfig RULES = new SleepConfig();

    private final Clock clock;
    private final Sleeper sleeper;

    @Autowired
    SleepHandler(Clock clock) {
        this(clock, duration -> Thread.sleep(duration.toMillis()));
    }

    SleepHandler(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public String processingType() {
        return "sleep";
    }

    @Override
    public List<String> problems(Map<String, Object> config) {
        return RULES.problems(config);
    }

    @Override
    public StepOutcome handle(StepTask task, HandlerContext context) {
        Duration requested = requested(task.config());
        Duration allowed = task.deadline() == null ? requested
                : minimum(requested, Duration.between(Instant.now(clock), task.deadline()));
        try {
            sleeper.sleep(allowed.isNegative() ? Duration.ZERO : allowed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StepOutcome.Failed("sleep interrupted", true);
        }
        if (allowed.compareTo(requested) < 0) {
            return new StepOutcome.Failed("deadline " + task.deadline() + " reached after " + allowed.toMillis()
                    + " of " + requested.toMillis() + " ms", true);
        }
        Map<String, Object> output = new LinkedHashMap<>(task.input());
        output.put("slept_ms", requested.toMillis());
        return StepOutcome.succeeded(output);
    }

    /** Read as validation reads it, by {@link StepKind#sleep}: nothing that does not fit waits. */
    static Duration requested(Map<String, Object> config) {
        return StepKind.sleep(config).value();
    }

    private static Duration minimum(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
