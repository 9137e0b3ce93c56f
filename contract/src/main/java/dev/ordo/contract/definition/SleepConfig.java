package dev.ordo.contract.definition;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code sleep} (tests and demos): {@code millis} or {@code seconds}, read by {@link StepKind#sleep}. */
public final class SleepConfig implements HandlerConfig {

    @Override
    public Set<String> processingTypes() {
        return Set.of(StepKind.SLEEP_PROCESSING_TYPE);
    }

    @Override
    public List<String> problems(Map<String, Object> config) {
        return StepKind.sleep(config).problems();
    }
}
