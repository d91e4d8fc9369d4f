package dev.keyward.oauth21.rule;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

    /** The rule of these with this id. */
    public static Optional<RuleId> find(Collection<RuleId> rules, String id) {
        return rules.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }

    /** The ids for messages: "pkce-required, single-use-challenge, …". */
    public static String list(Collection<RuleId> rules) {
        return rules.stream().map(RuleId::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
