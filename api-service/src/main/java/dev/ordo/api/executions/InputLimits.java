package dev.ordo.api.executions;

import dev.ordo.api.web.ApiException;
import dev.ordo.contract.wire.RecordLimits;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The size limit on an execution's inputs: encoded as the engine carries them (defaults applied),
 * they may take at most {@link RecordLimits#MAX_INPUT_VARIABLES_BYTES}, so that the start record
 * (inputs and definition) stays within what the broker accepts.
 */
final class InputLimits {

    private InputLimits() {
    }

    /** @throws ApiException 413 naming the limit and the size */
    static void requireWithinLimit(Map<String, Object> inputs) {
        int size = RecordLimits.encodedSize(inputs);
        if (size > RecordLimits.MAX_INPUT_VARIABLES_BYTES) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("message", "input_variables take " + size + " bytes encoded as JSON; at most "
                    + RecordLimits.MAX_INPUT_VARIABLES_BYTES + " bytes are accepted");
            detail.put("size_bytes", size);
            detail.put("limit_bytes", RecordLimits.MAX_INPUT_VARIABLES_BYTES);
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, detail);
        }
    }
}
