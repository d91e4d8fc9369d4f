package dev.keyward.oauth21.keycloak.modes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

import dev.keyward.oauth21.baseline.BaselineConfig;
import dev.keyward.oauth21.baseline.BuiltInExemptions;
import dev.keyward.oauth21.rule.Mode;
import dev.keyward.oauth21.rule.RuleId;

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

    /** The mode for a client's request; {@code clientId} null asks for the realm's mode, without exemptions. */
    public Mode modeOf(RuleId rule, RealmModel realm, String clientId) {
        if (clientId != null && isExempt(rule, realm, clientId)) {
            return Mode.OFF;
        }
        return realmMode(rule, realm);
    }

    /** The server's mode for the rule, made stricter by the realm's attributes. */
    public Mode realmMode(RuleId rule, RealmModel realm) {
        Map<String, String> attributes = realm.getAttributes();
        return server.modeOf(rule)
                .stricter(attributeMode(realm, attributes, REALM_MODE_ATTRIBUTE))
                .stricter(attributeMode(realm, attributes, REALM_RULE_ATTRIBUTE_PREFIX + rule.id()));
    }

    public BaselineConfig server() {
        return server;
    }

    public List<RuleId> rules() {
        return server.rules();
    }

    public Optional<RuleId> rule(String id) {
        return RuleId.find(server.rules(), id);
    }

    /** The rule ids for messages: "pkce-required, single-use-challenge, …". */
    public String ruleIdList() {
        return RuleId.list(server.rules());
    }

    public int exemptionMaxDays() {
        return server.exemptionMaxDays();
    }

    public static Instant now() {
        return Instant.ofEpochMilli(Time.currentTimeMillis());
    }

    private boolean isExempt(RuleId rule, RealmModel realm, String clientId) {
        if (BuiltInExemptions.find(realm.getName(), clientId, rule).isPresent()) {
            return true;
        }
        ClientModel client = realm.getClientByClientId(clientId);
        return client != null && ClientExemptions.find(client, rule).filter(e -> e.activeAt(now(), server.exemptionMaxDays())).isPresent();
    }

    private static Mode attributeMode(RealmModel realm, Map<String, String> attributes, String attribute) {
        String value = attributes.get(attribute);
        if (value == null || value.isBlank()) {
            return Mode.OFF;
        }
        Optional<Mode> mode = Mode.parse(value);
        if (mode.isEmpty()) {
            // A realm cannot stop the server; its bad setting simply adds nothing.
            LOG.warnf("Realm %s: %s is '%s' but must be one of %s; the realm attribute is ignored",
                    realm.getName(), attribute, value, String.join(", ", Mode.ids()));
        }
        return mode.orElse(Mode.OFF);
    }
}
