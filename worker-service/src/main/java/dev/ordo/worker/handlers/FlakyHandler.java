package dev.ordo.worker.handlers;

import dev.ordo.contract.definition.FlakyConfig;
import dev.ordo.contract.execution.StepTask;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code flaky}: fault injection, deterministic by attempt number and stateless. Attempts 1 to
 * {@code config.fail_times} (default 1) fail with {@code config.error} (default "injected failure
 * on attempt N"), retryably unless {@code config.retryable} is false; later attempts succeed with
 * their input plus {@code attempt}. With {@code config.hang_ms}, a failing attempt first stalls
 * that long, ignoring its deadline, like a stuck worker, so the engine times the attempt out and
 * the late failure report is refused.
 */
@Component
class FlakyHandler implements StepHandler {

    private static final FlakyConfig RULES = new FlakyConfig();

    private final SleepHandler.Sleeper sleeper;

    FlakyHandler() {
        this(duration -> Thread.sleep(duration.toMillis()));
    }

    FlakyHandler(SleepHandler.Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    @Override
    public String processingType() {
        return "flaky";
    }

    @Override
    public List<String> problems(Map<String, Object> config) {
        return RULES.problems(config);
    }

    @Override
    public StepOutcome handle(StepTask task, HandlerContext context) {
        Map<String, Object> config = task.config();
        int failTimes = config.get("fail_times") instanceof Number number ? number.intValue() : 1;
        if (task.attempt() > failTimes) {
            Map<String, Object> output = new LinkedHashMap<>(task.input());
            output.put("attempt", task.attempt());
            return StepOutcome.succeeded(output);
        }
        if (config.get("hang_ms") instanceof Number hang && !stall(Duration.ofMillis(hang.longValue()))) {
            return new StepOutcome.Failed("interrupted while hanging", true);
        }
        Object error = config.getOrDefault("error", "injected failure on attempt " + task.attempt());
        return new StepOutcome.Failed(String.valueOf(error), !Boolean.FALSE.equals(config.get("retryable")));
    }

    private boolean stall(Duration duration) {
        try {
            sleeper.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
