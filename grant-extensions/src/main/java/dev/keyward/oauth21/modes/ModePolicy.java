package dev.keyward.oauth21.modes;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import dev.keyward.oauth21.baseline.BaselineConfig;
import dev.keyward.oauth21.baseline.BuiltInExemptions;
import dev.keyward.oauth21.exemption.Exemption;
import dev.keyward.oauth21.rule.Mode;
import dev.keyward.oauth21.rule.Profile;
import dev.keyward.oauth21.rule.RuleId;

/**
 * The one decision of a rule's mode and of a realm's profile, for live requests and the compliance
 * report alike: the server's mode, made stricter (never looser) by the realm's blanket attribute for
 * the rule's profile, {@code keyward.oauth21.mode} or {@code keyward.fapi2.mode} (up to the rule's
 * ceiling, as the server's blanket mode), and {@code keyward.oauth21.rule.<id>}, and off where a
 * built-in or a granted, unexpired exemption applies; the server's profile, raised (never lowered) by
 * the realm's {@code keyward.profile}. Time comes from the clock it is given.
 */
public final class ModePolicy {

    public static final String REALM_MODE_ATTRIBUTE = "keyward.oauth21.mode";
    public static final String REALM_FAPI2_MODE_ATTRIBUTE = "keyward.fapi2.mode";
    /** The profile of a realm, and of a client (its attribute of the same name). */
    public static final String PROFILE_ATTRIBUTE = "keyward.profile";
    public static final String REALM_RULE_ATTRIBUTE_PREFIX = "keyward.oauth21.rule.";

    private final BaselineConfig server;
    private final Clock clock;

    public ModePolicy(BaselineConfig server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    /**
     * The realm's mode of the rule, without exemptions.
     *
     * @param realmAttribute the realm's attributes, by name
     * @param problems       told of a realm attribute that names no mode; it makes nothing stricter
     */
    public EffectiveMode realmMode(RuleId rule, UnaryOperator<String> realmAttribute, Consumer<String> problems) {
        Mode serverMode = server.modeOf(rule);
        String blanket = server.baseline().profile(rule) == Profile.FAPI2 ? REALM_FAPI2_MODE_ATTRIBUTE : REALM_MODE_ATTRIBUTE;
        Mode mode = serverMode.stricter(server.blanket(rule, attributeMode(blanket, realmAttribute, problems)))
                .stricter(attributeMode(REALM_RULE_ATTRIBUTE_PREFIX + rule.id(), realmAttribute, problems));
        return new EffectiveMode(mode, mode == serverMode ? EffectiveMode.Source.SERVER : EffectiveMode.Source.REALM, mode);
    }

    /** The realm's profile: the server's, raised by the realm's {@code keyward.profile}; a value that names no profile raises nothing. */
    public Profile realmProfile(UnaryOperator<String> realmAttribute, Consumer<String> problems) {
        String value = realmAttribute.apply(PROFILE_ATTRIBUTE);
        if (value == null || value.isBlank()) {
            return server.profile();
        }
        Optional<Profile> profile = Profile.parse(value);
        if (profile.isEmpty()) {
            problems.accept(PROFILE_ATTRIBUTE + " is '" + value + "' but must be one of " + String.join(", ", Profile.ids()) + "; it is ignored");
        }
        return server.profile().stricter(profile.orElse(Profile.OAUTH21));
    }

    /**
     * The rule's mode for one client.
     *
     * @param exemptions the client's readable exemption from a rule, if it has one
     */
    public EffectiveMode clientMode(RuleId rule, String realmName, UnaryOperator<String> realmAttribute, String clientId,
                                    Function<RuleId, Optional<Exemption>> exemptions, Consumer<String> problems) {
        EffectiveMode realm = realmMode(rule, realmAttribute, problems);
        if (BuiltInExemptions.find(realmName, clientId, rule).isPresent()) {
            return new EffectiveMode(Mode.OFF, EffectiveMode.Source.BUILT_IN_EXEMPTION, realm.mode());
        }
        if (exemptions.apply(rule).filter(this::active).isPresent()) {
            return new EffectiveMode(Mode.OFF, EffectiveMode.Source.GRANTED_EXEMPTION, realm.mode());
        }
        return realm;
    }

    /** Whether the exemption applies now: before its expiry, and within the server's cap counted from its grant. */
    public boolean active(Exemption exemption) {
        return exemption.activeAt(now(), server.exemptionMaxDays());
    }

    public Instant now() {
        return clock.instant();
    }

    public BaselineConfig server() {
        return server;
    }

    private static Mode attributeMode(String attribute, UnaryOperator<String> realmAttribute, Consumer<String> problems) {
        String value = realmAttribute.apply(attribute);
        if (value == null || value.isBlank()) {
            return Mode.OFF;
        }
        Optional<Mode> mode = Mode.parse(value);
        if (mode.isEmpty()) {
            problems.accept(attribute + " is '" + value + "' but must be one of " + String.join(", ", Mode.ids()) + "; it is ignored");
        }
        return mode.orElse(Mode.OFF);
    }
}
