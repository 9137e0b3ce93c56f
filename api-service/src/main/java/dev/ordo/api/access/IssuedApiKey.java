package dev.ordo.api.access;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** The answer to issuing a key: the only time its text is ever shown. */
@Schema(description = "A new API key; `key` is shown only in this answer")
public record IssuedApiKey(UUID id, UUID workspaceId, String name, Instant createdAt,
                           @Schema(example = "ordo_0f8c..._Q2x...") String key, String message) {

    static IssuedApiKey of(ApiKeys.Issued issued) {
        ApiKey key = issued.key();
        return new IssuedApiKey(key.id(), key.workspaceId(), key.name(), key.createdAt(), issued.text(),
                "Store this key now: it is not shown again");
    }
}
