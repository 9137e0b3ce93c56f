package dev.ordo.contract.definition;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code flaky} (fault injection): {@code fail_times}, when given, a whole number of at least 0. */
public final class FlakyConfig implements HandlerConfig {

    @Override
    public Set<String> processingTypes() {
        return Set.of("flaky");
    }

    @Override
    public List<String> problems(Map<String, Object> config) {
        Object failTimes = config.get("fail_times");
        if (failTimes != null && !((failTimes instanceof Integer || failTimes instanceof Long)
                && ((Number) failTimes).longValue() >= 0)) {
            return List.of("config.fail_times must be a whole number of at least 0");
        }
        return List.of();
    }
}
