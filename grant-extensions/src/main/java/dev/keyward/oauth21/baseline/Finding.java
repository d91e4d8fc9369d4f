package dev.keyward.oauth21.baseline;

/**
 * A broken rule: the OAuth error code to answer with (RFC 6749 §4.1.2.1 / §5.2, RFC 7591 §3.2.2)
 * and a description for the client developer that says what differed. Never holds secrets.
 */
public record Finding(RuleId rule, String error, String description) {

    public static Finding of(RuleId rule, String error, String description) {
        return new Finding(rule, error, description);
    }

    /** The error_description sent to the client, prefixed with the rule that failed. */
    public String errorDescription() {
        return "Keyward rule " + rule.id() + ": " + description;
    }
}
