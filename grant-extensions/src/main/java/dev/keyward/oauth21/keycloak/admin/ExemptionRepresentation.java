package dev.keyward.oauth21.keycloak.admin;

import dev.keyward.oauth21.baseline.BuiltInExemptions;
import dev.keyward.oauth21.exemption.Exemption;

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

    static ExemptionRepresentation builtIn(BuiltInExemptions.BuiltIn exemption) {
        return new ExemptionRepresentation(exemption.clientId(), exemption.rule().id(), exemption.reason(), null, null, null, "built-in", true);
    }

    static ExemptionRepresentation granted(String clientId, Exemption exemption, boolean active) {
        return new ExemptionRepresentation(clientId, exemption.rule().id(), exemption.reason(), exemption.expires().toString(),
                exemption.grantedAt().toString(), exemption.grantedBy(), "granted", active);
    }
}
