package dev.keyward.oauth21.keycloak.admin;

/**
 * One exemption as the admin REST API shows it. {@code source} is {@code built-in} for
 * Keyward's documented defaults (no expiry) or {@code granted} for one an admin gave.
 */
public record ExemptionRepresentation(
        String clientId,
        String rule,
        String reason,
        String expires,
        String grantedAt,
        String grantedBy,
        String source,
        boolean active) {
}
