package dev.ordo.api.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Issues, lists, revokes and checks API keys. A key's row is reused for {@code ordo.auth.key-cache-for}
 * (1 s by default) so that checking costs no database round trip per request; a revocation takes
 * effect at once on the instance that made it and within that time on every other one.
 */
@Service
public class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    /** A key just made: its description and its text, which is never available again. */
    public record Issued(ApiKey key, String text) {
    }

    private final ApiKeyRepository repository;
    private final Clock clock;
    private final Cache<UUID, Optional<StoredKey>> rows;

    ApiKeys(ApiKeyRepository repository, Clock clock, AuthSettings settings) {
        this.repository = repository;
        this.clock = clock;
        this.rows = Caffeine.newBuilder().expireAfterWrite(settings.keyCacheFor()).maximumSize(10_000).build();
    }

    public Issued issue(UUID workspaceId, String name) {
        KeyMaterial.Issued material = KeyMaterial.issue();
        ApiKey key = new ApiKey(material.keyId(), workspaceId, name, now(), null);
        repository.insert(key, material.secretSha256());
        log.info("API key {} ('{}') issued for workspace {}", key.id(), name, workspaceId);
        return new Issued(key, material.text());
    }

    /** The keys of one workspace, or of all when {@code workspaceId} is null. */
    public List<ApiKey> list(UUID workspaceId) {
        return repository.list(workspaceId);
    }

    /** Revokes the key (again is harmless); empty when there is no such key. */
    public Optional<ApiKey> revoke(UUID keyId) {
        Optional<ApiKey> revoked = repository.revoke(keyId, now());
        rows.invalidate(keyId);
        revoked.ifPresent(key -> log.info("API key {} of workspace {} revoked", key.id(), key.workspaceId()));
        return revoked;
    }

    /** The active key that {@code text} is, or empty for a malformed, unknown, wrong or revoked one. */
    Optional<ApiKey> check(String text) {
        Optional<KeyMaterial.Presented> presented = KeyMaterial.parse(text);
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        Optional<StoredKey> stored = rows.get(presented.get().keyId(), repository::find);
        return stored.filter(row -> row.key().active())
                .filter(row -> KeyMaterial.matches(presented.get().secret(), row.secretSha256()))
                .map(StoredKey::key);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
