package dev.ordo.api.executions;

import dev.ordo.api.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * The {@code Idempotency-Key} header of execute and rerun: at most {@value #MAX_LENGTH} characters, so
 * that it fits the index that finds a repeat (PostgreSQL refuses index rows over about 2,700 bytes).
 */
final class IdempotencyKeys {

    static final int MAX_LENGTH = 255;

    private IdempotencyKeys() {
    }

    /** @throws ApiException 400 naming the length and the limit */
    static String requireValid(String key) {
        if (key != null && key.length() > MAX_LENGTH) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Idempotency-Key has " + key.length()
                    + " characters; at most " + MAX_LENGTH + " are accepted");
        }
        return key;
    }
}
