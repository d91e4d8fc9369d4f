package dev.keyward.oauth21.rule;

/**
 * What one check found wrong: the OAuth error code to answer with (RFC 6749 §4.1.2.1 / §5.2,
 * RFC 7591 §3.2.2), a description for the client's developer that says what differed (never a
 * secret), and what else enforcing it does.
 */
public record Violation(String error, String description, Effect effect) {

    /** What enforcing a violation does besides refusing the request. */
    public enum Effect {
        NONE,
        /** The presented token leaked: revoke every token of its client in its session. */
        REVOKE_TOKEN_FAMILY
    }

    public static Violation of(String error, String description) {
        return new Violation(error, description, Effect.NONE);
    }

    public Violation with(Effect effect) {
        return new Violation(error, description, effect);
    }
}
