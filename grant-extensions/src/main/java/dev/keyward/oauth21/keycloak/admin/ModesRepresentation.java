package dev.keyward.oauth21.keycloak.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import org.keycloak.models.RealmModel;

import dev.keyward.oauth21.rule.RuleId;

/**
 * The OAuth 2.1 modes in force, as {@code GET .../keyward-oauth21/modes} shows them: per rule
 * the server's mode and the realm's effective one (a realm may only tighten the server's).
 */
public record ModesRepresentation(String realm, int exemptionMaxDays, Map<String, RuleModes> rules) {

    /** One rule's modes: {@code off}, {@code report} or {@code enforce}. */
    public record RuleModes(String server, String realm) {
    }

    public static ModesRepresentation of(dev.keyward.oauth21.keycloak.modes.RuleModes modes, RealmModel realm) {
        Map<String, RuleModes> rules = new LinkedHashMap<>();
        for (RuleId rule : modes.rules()) {
            rules.put(rule.id(), new RuleModes(modes.server().modeOf(rule).id(), modes.realmMode(rule, realm).id()));
        }
        return new ModesRepresentation(realm.getName(), modes.exemptionMaxDays(), rules);
    }
}
