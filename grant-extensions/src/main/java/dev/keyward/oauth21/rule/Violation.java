package dev.keyward.oauth21.rule;

/**
 * What one check found wrong: the OAuth error code to answer with (RFC 6749 §4.1.2.1 / §5.2,
 * RFC 7591 §3.2.2), a description for the client's developer that says what differed (never a
 * secret), what else enforcing it does, and, for a client's configuration, the setting at fault.
 */
public record Violation(String error, String description, Effect effect, Setting setting) {

    /** What enforcing a violation does besides refusing the request. */
    public enum Effect {
        NONE,
        /** The presented token leaked: revoke every token of its client in its session. */
        REVOKE_TOKEN_FAMILY
    }

    /**
     * The setting a violation is about, in a client's configuration or a request.
     *
     * @param name      the setting, as Keycloak's client representation names it ({@code implicitFlowEnabled})
     * @param value     its value at fault
     * @param fix       what an admin does about it, in the admin console's words
     * @param safeValue the one value that fixes it without a decision, or null when a person must decide
     * @param refuses   false where enforcing changes behaviour without refusing anything
     */
    public record Setting(String name, String value, String fix, String safeValue, boolean refuses) {
    }

    public static Violation of(String error, String description) {
        return new Violation(error, description, Effect.NONE, null);
    }

    public Violation with(Effect effect) {
        return new Violation(error, description, effect, setting);
    }

    public Violation about(Setting at) {
        return new Violation(error, description, effect, at);
    }
}
