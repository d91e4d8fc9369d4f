package dev.keyward.oauth21.enforcement;

import java.time.Instant;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

import dev.keyward.oauth21.baseline.BaselineConfig;
import dev.keyward.oauth21.exemption.BuiltInExemptions;
import dev.keyward.oauth21.baseline.Mode;
import dev.keyward.oauth21.baseline.RuleId;

/**
 * The mode a rule has for one client of one realm: the server's mode, made stricter (never
 * looser) by the realm's attributes {@code keyward.oauth21.mode} and
 * {@code keyward.oauth21.rule.<id>}, and off where a built-in or a granted, unexpired
 * exemption applies.
 */
public final class RuleModes {

    static final String REALM_MODE_ATTRIBUTE = "keyward.oauth21.mode";
    static final String REALM_RULE_ATTRIBUTE_PREFIX = "keyward.oauth21.rule.";

    private static final Logger LOG = Logger.getLogger(RuleModes.class);

    private final BaselineConfig server;

    public RuleModes(BaselineConfig server) {
        this.server = server;
    }

    public Mode modeOf(RuleId rule, RealmModel realm, String clientId) {
        if (clientId != null && isExempt(rule, realm, clientId)) {
            return Mode.OFF;
        }
        Mode mode = server.modeOf(rule);
        Map<String, String> attributes = realm.getAttributes();
        mode = mode.stricter(realmMode(realm, attributes, REALM_MODE_ATTRIBUTE));
        return mode.stricter(realmMode(realm, attributes, REALM_RULE_ATTRIBUTE_PREFIX + rule.id()));
    }

    public int exemptionMaxDays() {
        return server.exemptionMaxDays();
    }

    private boolean isExempt(RuleId rule, RealmModel realm, String clientId) {
        if (BuiltInExemptions.find(realm.getName(), clientId, rule).isPresent()) {
            return true;
        }
        ClientModel client = realm.getClientByClientId(clientId);
        Instant now = Instant.ofEpochMilli(Time.currentTimeMillis());
        return client != null && ClientExemptions.find(client, rule).filter(e -> e.activeAt(now, server.exemptionMaxDays())).isPresent();
    }

    private static Mode realmMode(RealmModel realm, Map<String, String> attributes, String attribute) {
        String value = attributes.get(attribute);
        if (value == null || value.isBlank()) {
            return Mode.OFF;
        }
        try {
            return Mode.parse(attribute, value);
        } catch (IllegalArgumentException e) {
            // A realm cannot stop the server; its bad setting simply adds nothing.
            LOG.warnf("Realm %s: %s; the realm attribute is ignored", realm.getName(), e.getMessage());
            return Mode.OFF;
        }
    }
}
