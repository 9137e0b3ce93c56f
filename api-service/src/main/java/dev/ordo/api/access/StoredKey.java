package dev.ordo.api.access;

/** A key's row: what is listed, and the SHA-256 of its secret that a presented key is checked against. */
record StoredKey(ApiKey key, byte[] secretSha256) {
}
