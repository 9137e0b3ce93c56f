package dev.ordo.contract.definition;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The config rules of the step handlers of some {@code processing_type}s, shared by definition
 * validation (which reports each problem as {@code INVALID_CONFIG}) and the workers (which refuse a
 * task whose resolved config has problems, terminally). Implementations are found by
 * {@link java.util.ServiceLoader}: list them in {@code META-INF/services/dev.ordo.contract.definition.HandlerConfig}
 * of their jar, so a custom handler's rules reach every service that has the jar on its classpath.
 *
 * <p>Rules are pure and total: any config (values as JSON decodes them, {@code ${...}} references
 * still unresolved at definition time, resolved at run time) gives a list, never an exception.
 */
public interface HandlerConfig {

    /** The processing types these rules judge; two implementations may not share one. */
    Set<String> processingTypes();

    /** Each problem as a sentence naming the config key, e.g. "config.url is required"; none when accepted. */
    List<String> problems(Map<String, Object> config);
}
