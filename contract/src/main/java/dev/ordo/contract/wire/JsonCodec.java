package dev.ordo.contract.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON codec for everything that crosses a process boundary: commands, reports, tasks
 * and event envelopes. Field names are snake_case, timestamps ISO-8601 UTC, absent values omitted.
 * Unknown fields are ignored so that a reader survives a writer that added a field.
 *
 * <p>Thread-safe; share one instance. Counts its encodings and decodings (process-wide, cheap
 * {@link LongAdder}s) so that the cost of an execution can be measured; services expose the
 * counts as metrics.
 */
public final class JsonCodec {

    private static final JsonCodec INSTANCE = new JsonCodec();

    private final JsonMapper mapper;
    private final LongAdder encodings = new LongAdder();
    private final LongAdder decodings = new LongAdder();

    private JsonCodec() {
        this.mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public static JsonCodec instance() {
        return INSTANCE;
    }

    public byte[] encode(Object value) {
        encodings.increment();
        return mapper.writeValueAsBytes(value);
    }

    public String encodeToString(Object value) {
        encodings.increment();
        return mapper.writeValueAsString(value);
    }

    /** @throws tools.jackson.core.JacksonException if the bytes are not a valid {@code type} */
    public <T> T decode(byte[] json, Class<T> type) {
        decodings.increment();
        return mapper.readValue(json, type);
    }

    public <T> T decode(String json, Class<T> type) {
        decodings.increment();
        return mapper.readValue(json, type);
    }

    /** Values encoded by this process so far (both {@code encode} methods). */
    public long encodings() {
        return encodings.sum();
    }

    /** Values decoded (or attempted) by this process so far (both {@code decode} methods). */
    public long decodings() {
        return decodings.sum();
    }
}
