package dev.keyward.oauth21.baseline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.keyward.oauth21.rule.Mode;
import dev.keyward.oauth21.rule.Profile;
import dev.keyward.oauth21.rule.RuleId;
import dev.keyward.settings.Problems;
import dev.keyward.settings.Setting;

/**
 * The server's baseline, read from Keycloak's options, e.g.
 * {@code --spi-client-policy-executor--keyward-oauth21--mode=report}: the profile every realm is held to at least
 * ({@code profile}), a blanket mode for each profile's rules ({@code mode} for OAuth 2.1 and the client-hygiene rules,
 * {@code fapi2-mode} for FAPI 2.0's) and an optional mode per rule ({@code rule-pkce-required=enforce}). A per-rule
 * mode wins over the blanket one, which takes a rule at most to the rule's ceiling (the client-hygiene rules: report).
 * {@code exemption-max-days} caps how long an exemption may last (0 forbids them).
 *
 * @param baseline      the rules, with their profiles and ceilings
 * @param profileModes  the blanket mode of each profile's rules
 * @param ruleModes     the modes set for single rules
 * @param profile       the profile of a realm that sets none of its own
 */
public record BaselineConfig(Baseline baseline, Map<Profile, Mode> profileModes, Map<RuleId, Mode> ruleModes, int exemptionMaxDays,
                             Profile profile) {

    public static final String MODE = "mode";
    public static final String FAPI2_MODE = "fapi2-mode";
    public static final String PROFILE = "profile";
    public static final String RULE_PREFIX = "rule-";
    public static final String EXEMPTION_MAX_DAYS = "exemption-max-days";
    public static final Mode DEFAULT_MODE = Mode.ENFORCE;
    /** Raising a realm or client to FAPI 2.0 reports what would break before anything is refused. */
    public static final Mode DEFAULT_FAPI2_MODE = Mode.REPORT;
    public static final Profile DEFAULT_PROFILE = Profile.OAUTH21;
    public static final int DEFAULT_EXEMPTION_MAX_DAYS = 90;
    static final int LONGEST_EXEMPTION_MAX_DAYS = 366;

    /** Options are named by themselves in messages: that is what the operator wrote. */
    static final Setting<Mode> SERVER_MODE = Setting.choice(MODE, MODE, "The mode of every OAuth 2.1 rule without a mode of its own.",
            Mode.values(), Mode::id, DEFAULT_MODE, DEFAULT_MODE);
    static final Setting<Mode> SERVER_FAPI2_MODE = Setting.choice(FAPI2_MODE, FAPI2_MODE,
            "The mode of every FAPI 2.0 rule without a mode of its own.", Mode.values(), Mode::id, DEFAULT_FAPI2_MODE, DEFAULT_FAPI2_MODE);
    static final Setting<Profile> SERVER_PROFILE = Setting.choice(PROFILE, PROFILE, "The profile of every realm that names none.",
            Profile.values(), Profile::id, DEFAULT_PROFILE, DEFAULT_PROFILE);
    static final Setting<Integer> EXEMPTION_DAYS = Setting.wholeNumber(EXEMPTION_MAX_DAYS, EXEMPTION_MAX_DAYS,
            "How long an exemption may last.", DEFAULT_EXEMPTION_MAX_DAYS, 0, LONGEST_EXEMPTION_MAX_DAYS, "0: no exemptions");

    public BaselineConfig {
        profileModes = Map.copyOf(profileModes);
        ruleModes = Map.copyOf(ruleModes);
    }

    public static BaselineConfig defaults(Baseline baseline) {
        return new BaselineConfig(baseline, Map.of(Profile.OAUTH21, DEFAULT_MODE, Profile.FAPI2, DEFAULT_FAPI2_MODE), Map.of(),
                DEFAULT_EXEMPTION_MAX_DAYS, DEFAULT_PROFILE);
    }

    /**
     * Reads the options that were set (names without Keycloak's SPI prefix, so misspellings are
     * caught); every value that cannot be used is a problem and takes its default.
     */
    public static BaselineConfig read(Map<String, String> options, Baseline baseline, Problems problems) {
        List<String> known = optionNames(baseline);
        options.keySet().stream().filter(name -> !known.contains(name)).sorted().forEach(name -> problems.add(name,
                name.startsWith(RULE_PREFIX)
                        ? "option " + name + " names no rule; the rules are " + baseline.ruleIdList()
                        : "unknown option " + name + "; the options are " + String.join(", ", known)));
        Map<Profile, Mode> profileModes = new EnumMap<>(Profile.class);
        profileModes.put(Profile.OAUTH21, SERVER_MODE.readOption(options, problems));
        profileModes.put(Profile.FAPI2, SERVER_FAPI2_MODE.readOption(options, problems));
        Map<RuleId, Mode> ruleModes = new LinkedHashMap<>();
        for (RuleId rule : baseline.ruleIds()) {
            ruleMode(rule).readOption(options, problems).ifPresent(mode -> ruleModes.put(rule, mode));
        }
        return new BaselineConfig(baseline, profileModes, ruleModes, EXEMPTION_DAYS.readOption(options, problems),
                SERVER_PROFILE.readOption(options, problems));
    }

    /** A rule's own mode, which wins over the server's mode. */
    static Setting<Optional<Mode>> ruleMode(RuleId rule) {
        String option = RULE_PREFIX + rule.id();
        return Setting.optionalChoice(option, option, "The mode of rule " + rule.id() + ".", Mode.values(), Mode::id);
    }

    public List<RuleId> rules() {
        return baseline.ruleIds();
    }

    /** The server's blanket mode of a profile's rules. */
    public Mode profileMode(Profile rulesOf) {
        return profileModes.getOrDefault(rulesOf, DEFAULT_MODE);
    }

    public Mode modeOf(RuleId rule) {
        Mode own = ruleModes.get(rule);
        return own != null ? own : blanket(rule, profileMode(baseline.profile(rule)));
    }

    /** A blanket mode (the server's or a realm's, for every rule of the profile) as it applies to this rule: at most its ceiling. */
    public Mode blanket(RuleId rule, Mode blanketMode) {
        return blanketMode.atMost(baseline.blanketCeilings().getOrDefault(rule, Mode.ENFORCE));
    }

    /** The effective mode of every rule, in rule order. */
    public Map<RuleId, Mode> effectiveModes() {
        Map<RuleId, Mode> modes = new LinkedHashMap<>();
        rules().forEach(rule -> modes.put(rule, modeOf(rule)));
        return modes;
    }

    /** Every option this config reads. */
    public static List<String> optionNames(Baseline baseline) {
        List<String> names = new ArrayList<>(List.of(MODE, FAPI2_MODE, PROFILE, EXEMPTION_MAX_DAYS));
        baseline.ruleIds().forEach(rule -> names.add(RULE_PREFIX + rule.id()));
        return names;
    }
}
