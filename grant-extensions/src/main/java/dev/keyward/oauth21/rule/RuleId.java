package dev.keyward.oauth21.rule;

import java.util.regex.Pattern;

/**
 * A rule's id, as operators write it in server options, realm attributes, events and exemptions
 * ({@code pkce-required}). The rule set that registers a rule owns its id.
 */
public record RuleId(String id) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public RuleId {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A rule id is lower-case words joined by '-', not '" + id + "'");
        }
    }

    public static RuleId of(String id) {
        return new RuleId(id);
    }

    @Override
    public String toString() {
        return id;
    }
}
