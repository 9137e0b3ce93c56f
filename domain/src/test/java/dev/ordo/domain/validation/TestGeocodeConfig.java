package dev.ordo.domain.validation;

import dev.ordo.contract.definition.HandlerConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The config rules of a custom handler, found by ServiceLoader as a jar's would be. */
public final class TestGeocodeConfig implements HandlerConfig {

    static final String TYPE = "test_geocode";

    @Override
    public Set<String> processingTypes() {
        return Set.of(TYPE);
    }

    @Override
    public List<String> problems(Map<String, Object> config) {
        return config.get("address") instanceof String ? List.of() : List.of("config.address is required");
    }
}
