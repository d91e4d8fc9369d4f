package dev.keyward.oauth21.rule;

/** A broken rule: the violation a check found, under the id of the rule that registered the check. */
public record Finding(RuleId rule, Violation violation) {

    /**
     * Starts every error_description Keyward sends, so clients, logs and the login theme's
     * error page can tell Keyward's refusals from Keycloak's.
     */
    public static final String DESCRIPTION_PREFIX = "Keyward rule ";

    /**
     * Keycloak stores a dynamic registration's error_description in its event table's 255-character
     * error column and answers 500 when it is longer (found by FuzzIT with a long redirect URI).
     */
    public static final int MAX_ERROR_DESCRIPTION = 255;
    private static final String CUT = "...";

    public String error() {
        return violation.error();
    }

    public String description() {
        return violation.description();
    }

    /** The error_description sent to the client, prefixed with the rule that failed. */
    public String errorDescription() {
        String full = DESCRIPTION_PREFIX + rule.id() + ": " + violation.description();
        return full.length() <= MAX_ERROR_DESCRIPTION ? full : full.substring(0, MAX_ERROR_DESCRIPTION - CUT.length()) + CUT;
    }
}
