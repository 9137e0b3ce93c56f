package dev.ordo.contract.definition;

import dev.ordo.contract.definition.StepKind.AgentTask;
import dev.ordo.contract.definition.StepKind.ConditionGate;
import dev.ordo.contract.definition.StepKind.Delay;
import dev.ordo.contract.definition.StepKind.Parsed;
import dev.ordo.contract.definition.StepKind.Structural;
import dev.ordo.contract.definition.StepKind.WorkerTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The one reader of the config keys that make a {@link StepKind}; see there for what each means. */
final class StepConfig {

    static final String PROCESSING_TYPE = "processing_type";
    static final String DELAY_MILLIS = "delay_ms";
    static final String DELAY_SECONDS = "delay_seconds";
    static final String SLEEP_MILLIS = "millis";
    static final String SLEEP_SECONDS = "seconds";
    static final String CONDITION = "condition";
    static final String EXPRESSION = "expression";
    static final String REQUIRED_CAPABILITIES = "required_capabilities";
    static final String HEARTBEAT_TIMEOUT_SECONDS = "heartbeat_timeout_seconds";
    /** A capability names a task topic's part ({@code Topics.stepTasks(capabilities)}). */
    static final java.util.regex.Pattern CAPABILITY_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private StepConfig() {
    }

    static Parsed<StepKind> kind(String stepType, String conditionExpression, Map<String, Object> config) {
        String type = stepType == null ? StepKind.TASK : stepType;
        if (!StepKind.STEP_TYPES.contains(type)) {
            StepKind fallback = task(config, null, new ArrayList<>());
            return new Parsed<>(fallback, List.of("step_type '" + type + "' is unknown; expected one of "
                    + String.join(", ", StepKind.STEP_TYPES)));
        }
        if (type.equals(StepKind.PARALLEL) || type.equals(StepKind.SEQUENTIAL)) {
            return new Parsed<>(new Structural(type), List.of());
        }
        if (type.equals(StepKind.CONDITION)) {
            return gate(conditionExpression, config);
        }
        List<String> problems = new ArrayList<>();
        List<String> capabilities = type.equals(StepKind.AGENT) ? capabilities(config, problems) : null;
        StepKind kind = task(config, capabilities, problems);
        if (!(kind instanceof Delay)) {
            problems.addAll(heartbeatTimeout(config).problems());
        }
        return new Parsed<>(kind, problems);
    }

    /** See {@link StepKind#heartbeatTimeout}. */
    static Parsed<Duration> heartbeatTimeout(Map<String, Object> config) {
        Object seconds = config.get(HEARTBEAT_TIMEOUT_SECONDS);
        if (seconds == null) {
            return new Parsed<>(null, List.of());
        }
        if (!(seconds instanceof Number number) || !(number.doubleValue() > 0)) {
            return new Parsed<>(null, List.of("config." + HEARTBEAT_TIMEOUT_SECONDS
                    + " must be a number of seconds greater than 0"));
        }
        return new Parsed<>(Duration.ofMillis(Math.max(1, Math.round(number.doubleValue() * 1000))), List.of());
    }

    /**
     * A duration from {@code millisKey} when it holds a value, else from {@code secondsKey}: a number
     * of at least 0; anything else (or neither key) is a problem and reads as zero.
     */
    static Parsed<Duration> duration(Map<String, Object> config, String millisKey, String secondsKey) {
        Object millis = config.get(millisKey);
        Object value = millis != null ? millis : config.get(secondsKey);
        if (!(value instanceof Number number) || !(number.doubleValue() >= 0)) {
            return new Parsed<>(Duration.ZERO, List.of("config." + millisKey + " or config." + secondsKey
                    + " is required and must be a number of at least 0"));
        }
        double factor = millis != null ? 1 : 1000;
        return new Parsed<>(Duration.ofMillis(Math.round(number.doubleValue() * factor)), List.of());
    }

    /** A task or agent step: a delay when its processing type says so, else handed to a worker. */
    private static StepKind task(Map<String, Object> config, List<String> capabilities, List<String> problems) {
        String processingType = processingType(config, problems);
        if (StepKind.DELAY_PROCESSING_TYPE.equals(processingType)) {
            Parsed<Duration> wait = duration(config, DELAY_MILLIS, DELAY_SECONDS);
            problems.addAll(wait.problems());
            return new Delay(wait.value());
        }
        return capabilities == null ? new WorkerTask(processingType) : new AgentTask(processingType, capabilities);
    }

    private static String processingType(Map<String, Object> config, List<String> problems) {
        Object type = config.containsKey(PROCESSING_TYPE) ? config.get(PROCESSING_TYPE) : StepKind.DEFAULT_PROCESSING_TYPE;
        if (type instanceof String text && !text.isBlank()) {
            return text;
        }
        problems.add("config." + PROCESSING_TYPE + " must be a non-empty string");
        return null;
    }

    private static List<String> capabilities(Map<String, Object> config, List<String> problems) {
        Object capabilities = config.get(REQUIRED_CAPABILITIES);
        if (capabilities == null) {
            return List.of();
        }
        if (capabilities instanceof List<?> names && names.stream().allMatch(name -> name instanceof String text
                && CAPABILITY_NAME.matcher(text).matches())) {
            return names.stream().map(String.class::cast).toList();
        }
        problems.add("config." + REQUIRED_CAPABILITIES + " must be a list of capability names"
                + " (letters, digits, '_' and '-')");
        return List.of();
    }

    private static Parsed<StepKind> gate(String conditionExpression, Map<String, Object> config) {
        if (isText(conditionExpression)) {
            return new Parsed<>(new ConditionGate(conditionExpression, "condition_expression"), List.of());
        }
        for (String key : List.of(CONDITION, EXPRESSION)) {
            Object configured = config.get(key);
            if (configured != null && isText(String.valueOf(configured))) {
                return new Parsed<>(new ConditionGate(String.valueOf(configured), "config." + key), List.of());
            }
        }
        return new Parsed<>(new ConditionGate(null, null), List.of("a condition step needs a condition_expression"));
    }

    private static boolean isText(String text) {
        return text != null && !text.isBlank();
    }
}
