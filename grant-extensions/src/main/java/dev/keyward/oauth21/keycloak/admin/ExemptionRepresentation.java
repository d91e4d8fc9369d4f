package dev.keyward.oauth21.keycloak.admin;

import dev.keyward.oauth21.baseline.BuiltInExemptions;
import dev.keyward.oauth21.exemption.Exemption;
import dev.keyward.oauth21.keycloak.modes.ClientExemptions;
import dev.keyward.oauth21.rule.RuleId;

/**
 * One exemption as the admin REST API shows it. {@code source} is {@code built-in} for
 * Keyward's documented defaults (no expiry), {@code granted} for one an admin gave, or {@code unreadable} for a
 * damaged exemption attribute, which exempts nothing.
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

    /** A damaged exemption attribute: it exempts nothing. */
    static ExemptionRepresentation unreadable(String clientId, RuleId rule) {
        return new ExemptionRepresentation(clientId, rule.id(), "the client attribute " + ClientExemptions.ATTRIBUTE_PREFIX + rule.id()
                + " is not a Keyward exemption and exempts nothing; grant the exemption again or remove the attribute",
                null, null, null, "unreadable", false);
    }

    static ExemptionRepresentation granted(String clientId, Exemption exemption, boolean active) {
        return new ExemptionRepresentation(clientId, exemption.rule().id(), exemption.reason(), exemption.expires().toString(),
                exemption.grantedAt().toString(), exemption.grantedBy(), "granted", active);
    }
}
