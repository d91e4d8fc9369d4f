package dev.keyward.oauth21.keycloak.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import org.keycloak.models.RealmModel;

import dev.keyward.oauth21.rule.RuleId;

/**
 * The modes in force, as {@code GET .../keyward-oauth21/modes} shows them: per rule the server's mode, the realm's
 * effective one (a realm may only tighten the server's) and the profile the rule belongs to, and the profile of the
 * server and of the realm.
 */
public record ModesRepresentation(String realm, int exemptionMaxDays, Map<String, RuleModes> rules, Profiles profile) {

    /**
     * One rule's modes, {@code off}, {@code report} or {@code enforce}, and its profile: {@code oauth21} for a rule every
     * client is held to, {@code fapi2} for one that judges only the clients held to FAPI 2.0.
     */
    public record RuleModes(String server, String realm, String profile) {
    }

    /**
     * The profile the server holds every realm to (its {@code profile} option), and the one this realm holds its clients
     * to: the server's, raised by the realm's {@code keyward.profile}. {@code oauth21} or {@code fapi2}.
     */
    public record Profiles(String server, String realm) {
    }

    public static ModesRepresentation of(dev.keyward.oauth21.keycloak.modes.RuleModes modes, RealmModel realm) {
        Map<String, RuleModes> rules = new LinkedHashMap<>();
        for (RuleId rule : modes.rules()) {
            rules.put(rule.id(), new RuleModes(modes.server().modeOf(rule).id(), modes.realmMode(rule, realm).id(),
                    modes.server().baseline().profile(rule).id()));
        }
        return new ModesRepresentation(realm.getName(), modes.exemptionMaxDays(), rules,
                new Profiles(modes.server().profile().id(), modes.realmProfile(realm).id()));
    }
}
