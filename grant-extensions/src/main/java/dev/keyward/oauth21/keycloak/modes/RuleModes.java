package dev.keyward.oauth21.keycloak.modes;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.RealmModel;

import dev.keyward.oauth21.baseline.BaselineConfig;
import dev.keyward.oauth21.baseline.BuiltInExemptions;
import dev.keyward.oauth21.modes.EffectiveMode;
import dev.keyward.oauth21.modes.ModePolicy;
import dev.keyward.oauth21.rule.Mode;
import dev.keyward.oauth21.rule.Profile;
import dev.keyward.oauth21.rule.RealmSettings;
import dev.keyward.oauth21.rule.RuleId;

/**
 * The adapter of {@link ModePolicy}: hands it a realm's attributes and a client's stored exemptions
 * (parsed once per stored value, see {@link ClientExemptions}), on Keycloak's clock.
 */
public final class RuleModes {

    private static final Logger LOG = Logger.getLogger(RuleModes.class);

    private final ModePolicy policy;

    public RuleModes(BaselineConfig server) {
        this.policy = new ModePolicy(server, new KeycloakClock(ZoneOffset.UTC));
    }

    /** The mode for a client's request; {@code clientId} null asks for the realm's mode, without exemptions. */
    public Mode modeOf(RuleId rule, RealmModel realm, String clientId) {
        return clientId == null ? realmMode(rule, realm) : effective(rule, realm, clientId).mode();
    }

    public EffectiveMode effective(RuleId rule, RealmModel realm, String clientId) {
        return policy.clientMode(rule, realm.getName(), realm::getAttribute, clientId,
                exempted -> Optional.ofNullable(realm.getClientByClientId(clientId)).flatMap(client -> ClientExemptions.find(client, exempted)),
                problems(realm));
    }

    /** The mode of a stored client whose exemption attributes have been read already (the compliance report). */
    public EffectiveMode effective(RuleId rule, RealmModel realm, String clientId, ClientExemptions.Stored exemptions) {
        return policy.clientMode(rule, realm.getName(), realm::getAttribute, clientId, exemptions::find, problems(realm));
    }

    /** The server's mode for the rule, made stricter by the realm's attributes. */
    public Mode realmMode(RuleId rule, RealmModel realm) {
        return policy.realmMode(rule, realm::getAttribute, problems(realm)).mode();
    }

    /** The realm's profile: the server's, raised by the realm's own. */
    public Profile realmProfile(RealmModel realm) {
        return policy.realmProfile(realm::getAttribute, problems(realm));
    }

    /** What the realm's clients inherit, and the realm's profile. */
    public RealmSettings realmSettings(RealmModel realm) {
        return new RealmSettings(realmProfile(realm), BuiltInExemptions.NOT_RAISED_BY_THE_REALMS_PROFILE,
                realm.getAccessTokenLifespan(),
                realm.getAccessCodeLifespan(), realm.getParPolicy().getRequestUriLifespan(), realm.isRevokeRefreshToken(),
                realm.getDefaultSignatureAlgorithm());
    }

    public ModePolicy policy() {
        return policy;
    }

    public BaselineConfig server() {
        return policy.server();
    }

    public List<RuleId> rules() {
        return server().rules();
    }

    public Optional<RuleId> rule(String id) {
        return RuleId.find(server().rules(), id);
    }

    /** The rule ids for messages: "pkce-required, single-use-challenge, …". */
    public String ruleIdList() {
        return RuleId.list(server().rules());
    }

    public int exemptionMaxDays() {
        return server().exemptionMaxDays();
    }

    public Instant now() {
        return policy.now();
    }

    /** A realm cannot stop the server; its bad setting simply adds nothing, and is logged. */
    private static Consumer<String> problems(RealmModel realm) {
        return problem -> LOG.warnf("Realm %s: %s", realm.getName(), problem);
    }

    /** Keycloak's time, which its admin time offset (and its tests) move. */
    private static final class KeycloakClock extends Clock {

        private final ZoneId zone;

        KeycloakClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new KeycloakClock(other);
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(Time.currentTimeMillis());
        }
    }
}
