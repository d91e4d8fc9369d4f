package dev.keyward.oauth21.baseline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.keyward.oauth21.rule.Mode;
import dev.keyward.oauth21.rule.RuleId;
import dev.keyward.settings.Problems;
import dev.keyward.settings.Setting;

/**
 * The server's OAuth 2.1 baseline: a global mode and an optional mode per rule, read from
 * Keycloak's options, e.g. {@code --spi-client-policy-executor--keyward-oauth21--mode=report}
 * and {@code --spi-client-policy-executor--keyward-oauth21--rule-pkce-required=enforce}.
 * A per-rule mode wins over the global one, which takes a rule at most to the rule's ceiling
 * (the client-hygiene rules: report). {@code exemption-max-days} caps how long an exemption
 * may last (0 forbids them).
 *
 * @param rules    the rules of the baseline, in order
 * @param ceilings the rules whose blanket mode is capped, with their cap
 */
public record BaselineConfig(List<RuleId> rules, Mode globalMode, Map<RuleId, Mode> ruleModes, int exemptionMaxDays,
                             Map<RuleId, Mode> ceilings) {

    public static final String MODE = "mode";
    public static final String RULE_PREFIX = "rule-";
    public static final String EXEMPTION_MAX_DAYS = "exemption-max-days";
    public static final Mode DEFAULT_MODE = Mode.ENFORCE;
    public static final int DEFAULT_EXEMPTION_MAX_DAYS = 90;
    static final int LONGEST_EXEMPTION_MAX_DAYS = 366;

    /** Options are named by themselves in messages: that is what the operator wrote. */
    static final Setting<Mode> SERVER_MODE = Setting.choice(MODE, MODE, "The mode of every rule without a mode of its own.",
            Mode.values(), Mode::id, DEFAULT_MODE, DEFAULT_MODE);
    static final Setting<Integer> EXEMPTION_DAYS = Setting.wholeNumber(EXEMPTION_MAX_DAYS, EXEMPTION_MAX_DAYS,
            "How long an exemption may last.", DEFAULT_EXEMPTION_MAX_DAYS, 0, LONGEST_EXEMPTION_MAX_DAYS, "0: no exemptions");

    public BaselineConfig {
        rules = List.copyOf(rules);
        ruleModes = Map.copyOf(ruleModes);
        ceilings = Map.copyOf(ceilings);
    }

    public static BaselineConfig defaults(Baseline baseline) {
        return new BaselineConfig(baseline.ruleIds(), DEFAULT_MODE, Map.of(), DEFAULT_EXEMPTION_MAX_DAYS, baseline.blanketCeilings());
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
        Mode globalMode = SERVER_MODE.readOption(options, problems);
        Map<RuleId, Mode> ruleModes = new LinkedHashMap<>();
        for (RuleId rule : baseline.ruleIds()) {
            ruleMode(rule).readOption(options, problems).ifPresent(mode -> ruleModes.put(rule, mode));
        }
        return new BaselineConfig(baseline.ruleIds(), globalMode, ruleModes, EXEMPTION_DAYS.readOption(options, problems),
                baseline.blanketCeilings());
    }

    /** A rule's own mode, which wins over the server's mode. */
    static Setting<Optional<Mode>> ruleMode(RuleId rule) {
        String option = RULE_PREFIX + rule.id();
        return Setting.optionalChoice(option, option, "The mode of rule " + rule.id() + ".", Mode.values(), Mode::id);
    }

    public Mode modeOf(RuleId rule) {
        Mode own = ruleModes.get(rule);
        return own != null ? own : blanket(rule, globalMode);
    }

    /** A blanket mode (the server's or a realm's, for every rule) as it applies to this rule: at most its ceiling. */
    public Mode blanket(RuleId rule, Mode blanketMode) {
        return blanketMode.atMost(ceilings.getOrDefault(rule, Mode.ENFORCE));
    }

    /** The effective mode of every rule, in rule order. */
    public Map<RuleId, Mode> effectiveModes() {
        Map<RuleId, Mode> modes = new LinkedHashMap<>();
        rules.forEach(rule -> modes.put(rule, modeOf(rule)));
        return modes;
    }

    /** Every option this config reads. */
    public static List<String> optionNames(Baseline baseline) {
        List<String> names = new ArrayList<>(List.of(MODE, EXEMPTION_MAX_DAYS));
        baseline.ruleIds().forEach(rule -> names.add(RULE_PREFIX + rule.id()));
        return names;
    }
}
