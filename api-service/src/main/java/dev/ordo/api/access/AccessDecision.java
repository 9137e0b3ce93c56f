package dev.ordo.api.access;

import java.util.UUID;
import org.springframework.http.HttpStatus;

/** What becomes of one request: it passes (confined to a workspace, or not), or it is refused. */
sealed interface AccessDecision {

    /** Passes; {@code workspaceId} is the workspace an API key confines it to, null for none. */
    record Pass(UUID workspaceId) implements AccessDecision {
    }

    /** Refused with this status and detail; {@code challenge} is the {@code WWW-Authenticate} value of a 401. */
    record Refuse(HttpStatus status, String detail, String challenge) implements AccessDecision {
    }

    AccessDecision PASS = new Pass(null);
}
