package dev.keyward.oauth21.keycloak.admin;

import java.util.Map;

/**
 * The OAuth 2.1 modes in force, as {@code GET .../keyward-oauth21/modes} shows them: per rule
 * the server's mode and the realm's effective one (a realm may only tighten the server's).
 */
public record ModesRepresentation(String realm, int exemptionMaxDays, Map<String, RuleModes> rules) {

    /** One rule's modes: {@code off}, {@code report} or {@code enforce}. */
    public record RuleModes(String server, String realm) {
    }
}
