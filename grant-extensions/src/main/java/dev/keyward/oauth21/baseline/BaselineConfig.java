package dev.keyward.oauth21.baseline;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The server's OAuth 2.1 baseline: a global mode and an optional mode per rule, read from
 * Keycloak's options, e.g. {@code --spi-client-policy-executor--keyward-oauth21--mode=report}
 * and {@code --spi-client-policy-executor--keyward-oauth21--rule-pkce-required=enforce}.
 * A per-rule mode wins over the global one. {@code exemption-max-days} caps how long an
 * exemption may last (0 forbids them). Bad values stop startup with a message.
 */
public record BaselineConfig(Mode globalMode, Map<RuleId, Mode> ruleModes, int exemptionMaxDays) {

    public static final String MODE = "mode";
    public static final String RULE_PREFIX = "rule-";
    public static final String EXEMPTION_MAX_DAYS = "exemption-max-days";
    public static final Mode DEFAULT_MODE = Mode.ENFORCE;
    public static final int DEFAULT_EXEMPTION_MAX_DAYS = 90;
    static final int LONGEST_EXEMPTION_MAX_DAYS = 366;

    public BaselineConfig {
        ruleModes = ruleModes.isEmpty() ? Map.of() : Map.copyOf(ruleModes);
    }

    public static BaselineConfig defaults() {
        return new BaselineConfig(DEFAULT_MODE, Map.of(), DEFAULT_EXEMPTION_MAX_DAYS);
    }

    /**
     * @param optionNames the names of the options that were set, without Keycloak's SPI prefix
     *                    (to catch misspellings)
     * @param option      the value of an option, or null when it is not set
     */
    public static BaselineConfig from(Collection<String> optionNames, Function<String, String> option) {
        for (String name : optionNames) {
            if (!optionNames().contains(name)) {
                throw new IllegalArgumentException(name.startsWith(RULE_PREFIX)
                        ? "Keyward: option " + name + " names no rule; the rules are " + ruleIds()
                        : "Keyward: unknown option " + name + "; the options are " + String.join(", ", optionNames()));
            }
        }
        String global = option.apply(MODE);
        Mode globalMode = global == null ? DEFAULT_MODE : Mode.parse(MODE, global);
        Map<RuleId, Mode> ruleModes = new EnumMap<>(RuleId.class);
        for (RuleId rule : RuleId.values()) {
            String name = RULE_PREFIX + rule.id();
            String value = option.apply(name);
            if (value != null) {
                ruleModes.put(rule, Mode.parse(name, value));
            }
        }
        return new BaselineConfig(globalMode, ruleModes, exemptionMaxDays(option.apply(EXEMPTION_MAX_DAYS)));
    }

    private static int exemptionMaxDays(String value) {
        if (value == null) {
            return DEFAULT_EXEMPTION_MAX_DAYS;
        }
        try {
            int days = Integer.parseInt(value.trim());
            if (days >= 0 && days <= LONGEST_EXEMPTION_MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Keyward: " + EXEMPTION_MAX_DAYS + " is '" + value + "' but must be a whole number of days from 0"
                + " (no exemptions) to " + LONGEST_EXEMPTION_MAX_DAYS);
    }

    public Mode modeOf(RuleId rule) {
        return ruleModes.getOrDefault(rule, globalMode);
    }

    /** The effective mode of every rule, in rule order: for logs and the server info page. */
    public Map<RuleId, Mode> effectiveModes() {
        Map<RuleId, Mode> modes = new EnumMap<>(RuleId.class);
        for (RuleId rule : RuleId.values()) {
            modes.put(rule, modeOf(rule));
        }
        return modes;
    }

    /** Every option this config reads. */
    public static List<String> optionNames() {
        return Stream.concat(Stream.of(MODE, EXEMPTION_MAX_DAYS), Arrays.stream(RuleId.values()).map(rule -> RULE_PREFIX + rule.id())).toList();
    }

    public static String ruleIds() {
        return Arrays.stream(RuleId.values()).map(RuleId::id).collect(Collectors.joining(", "));
    }
}
