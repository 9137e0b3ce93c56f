package dev.ordo.domain.validation;

import dev.ordo.contract.definition.HandlerConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The config rules of every {@code processing_type} this service knows: each {@link HandlerConfig}
 * on the classpath, found once by {@link ServiceLoader} (the built-in ones of the contract and the
 * expressions module, and those of any custom handler jar), so validation judges a step's config
 * by the same rules its worker handler applies. Two rules for one processing type stop the service
 * at start-up, naming both.
 */
final class ProcessingTypes {

    private static final Map<String, HandlerConfig> RULES =
            index(ServiceLoader.load(HandlerConfig.class, ProcessingTypes.class.getClassLoader()));

    private ProcessingTypes() {
    }

    /** True when some {@link HandlerConfig} judges this processing type. */
    static boolean isKnown(String processingType) {
        return RULES.containsKey(processingType);
    }

    /** The problems of a config for a known type; none for an unknown one (a warning says so). */
    static List<String> problems(String processingType, Map<String, Object> config) {
        HandlerConfig rules = RULES.get(processingType);
        return rules == null ? List.of() : rules.problems(config);
    }

    /** By processing type; an {@link IllegalStateException} naming both when two rules claim one. */
    static Map<String, HandlerConfig> index(Iterable<HandlerConfig> rules) {
        Map<String, HandlerConfig> byType = new LinkedHashMap<>();
        for (HandlerConfig rule : rules) {
            for (String type : rule.processingTypes()) {
                HandlerConfig earlier = byType.putIfAbsent(type, rule);
                if (earlier != null) {
                    throw new IllegalStateException("Expected one config rule per processing_type, but '" + type
                            + "' is claimed by both " + earlier.getClass().getName() + " and "
                            + rule.getClass().getName());
                }
            }
        }
        return Map.copyOf(byType);
    }
}
