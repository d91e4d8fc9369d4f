package dev.keyward.oauth21.rule;

/** A broken rule: the violation a check found, under the id of the rule that registered the check. */
public record Finding(RuleId rule, Violation violation) {

    /**
     * Starts every error_description Keyward sends, so clients, logs and the login theme's
     * error page can tell Keyward's refusals from Keycloak's.
     */
    public static final String DESCRIPTION_PREFIX = "Keyward rule ";

    public String error() {
        return violation.error();
    }

    public String description() {
        return violation.description();
    }

    /** The error_description sent to the client, prefixed with the rule that failed. */
    public String errorDescription() {
        return DESCRIPTION_PREFIX + rule.id() + ": " + violation.description();
    }
}
