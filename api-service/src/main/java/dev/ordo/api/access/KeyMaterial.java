package dev.ordo.api.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an API key: {@code ordo_<key id, 32 hex digits>_<secret, 32 random bytes in base64url>}.
 * The id finds the stored row; only the SHA-256 of the secret is stored, and a presented secret is
 * compared with it in constant time. The secret carries 256 random bits, so a fast hash is enough: no
 * dictionary or brute force reaches it, and checking a key costs microseconds on every request.
 */
final class KeyMaterial {

    /** A key as presented: the id it names and the secret to check. */
    record Presented(UUID keyId, String secret) {
    }

    /** A newly made key: its text, shown once, and the digest that is stored. */
    record Issued(UUID keyId, String text, byte[] secretSha256) {
    }

    private static final String PREFIX = "ordo_";
    private static final Pattern FORMAT = Pattern.compile("ordo_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyMaterial() {
    }

    static Issued issue() {
        UUID keyId = UUID.randomUUID();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String text = PREFIX + keyId.toString().replace("-", "") + "_" + secretText;
        return new Issued(keyId, text, sha256(secretText));
    }

    /** The id and secret of a well-formed key; empty for anything else. */
    static Optional<Presented> parse(String text) {
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String hex = matcher.group(1);
        UUID keyId = new UUID(Long.parseUnsignedLong(hex, 0, 16, 16), Long.parseUnsignedLong(hex, 16, 32, 16));
        return Optional.of(new Presented(keyId, matcher.group(2)));
    }

    /** Whether {@code secret} hashes to {@code storedSha256}, in time independent of where they differ. */
    static boolean matches(String secret, byte[] storedSha256) {
        return MessageDigest.isEqual(sha256(secret), storedSha256);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
