package dev.keyward.oauth21.keycloak.admin;

/** The body of {@code PUT .../keyward-oauth21/exemptions}. */
public record ExemptionGrant(String clientId, String rule, String reason, String expires) {
}
