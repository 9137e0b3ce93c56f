package dev.ordo.contract.wire;

/**
 * The sizes every record that crosses Kafka is held to, measured as encoded JSON bytes. Kafka
 * refuses records above about 1 MiB ({@code message.max.bytes}, {@code max.request.size}); these
 * limits keep every command, event, task, report and stored engine state below that, whatever the
 * workflow or its payloads, and are enforced where data enters:
 *
 * <ul>
 *   <li>a definition larger than {@link #MAX_DEFINITION_BYTES}, or with more than {@link #MAX_STEPS}
 *       steps, is refused when it is created or edited;</li>
 *   <li>{@code input_variables} larger than {@link #MAX_INPUT_VARIABLES_BYTES} are refused by execute
 *       (413);</li>
 *   <li>a step input larger than {@link #MAX_STEP_INPUT_BYTES}, or a resolved task (config and
 *       input) larger than {@link #MAX_TASK_BYTES}, fails the step terminally, with a reason that
 *       says so;</li>
 *   <li>a step output larger than {@link #MAX_STEP_OUTPUT_BYTES} fails the step terminally at the
 *       worker, with a reason that says so;</li>
 *   <li>the {@code step_inputs} of a retry, all together, larger than
 *       {@link #MAX_RETRY_STEP_INPUTS_BYTES} are refused (the API answers 413, the engine rejects the
 *       command), so an {@code ExecutionRetried}, which the engine also keeps in the execution's state
 *       until its next run ends, stays small.</li>
 * </ul>
 *
 * <p>So an {@code ExecutionStarted} (definition and inputs) stays under 800 KiB, and every other
 * record under {@link #MAX_RECORD_BYTES}.
 */
public final class RecordLimits {

    /** What the broker accepts with default settings, less room for the envelope and headers. */
    public static final int MAX_RECORD_BYTES = 1_000_000;
    public static final int MAX_DEFINITION_BYTES = 256 * 1024;
    public static final int MAX_STEPS = 1_000;
    public static final int MAX_INPUT_VARIABLES_BYTES = 512 * 1024;
    public static final int MAX_STEP_INPUT_BYTES = 512 * 1024;
    /** A task carries the step's input and its resolved config; headers and the key add little. */
    public static final int MAX_TASK_BYTES = 900_000;
    public static final int MAX_STEP_OUTPUT_BYTES = 512 * 1024;
    public static final int MAX_RETRY_STEP_INPUTS_BYTES = 128 * 1024;

    private RecordLimits() {
    }

    /** The size of {@code value} encoded by the one codec, in bytes. */
    public static int encodedSize(Object value) {
        return JsonCodec.instance().encode(value).length;
    }
}
