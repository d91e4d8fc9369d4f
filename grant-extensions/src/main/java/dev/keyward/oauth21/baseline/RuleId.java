package dev.keyward.oauth21.baseline;

import java.util.Arrays;
import java.util.Optional;

/** The OAuth 2.1 rules Keyward enforces, by the id operators use in options, events and exemptions. */
public enum RuleId {
    /** OAuth 2.1 §4.1.1, RFC 7636: every authorization-code request carries an S256 challenge. */
    PKCE_REQUIRED("pkce-required"),
    /** RFC 9700 §2.1.1: a code_challenge is never accepted twice. */
    SINGLE_USE_CHALLENGE("single-use-challenge"),
    /** OAuth 2.1 §2.3.1, RFC 8252 §7: redirect URIs match exactly, loopback on any port. */
    EXACT_REDIRECT_URI("exact-redirect-uri"),
    /** OAuth 2.1 §10.1: no implicit grant and no hybrid response types. */
    NO_IMPLICIT_OR_HYBRID("no-implicit-or-hybrid"),
    /** OAuth 2.1 §10.2: no resource owner password credentials grant. */
    NO_PASSWORD_GRANT("no-password-grant"),
    /** OAuth 2.1 §4.3.1, RFC 9700 §4.14.2: a public client's refresh token is used once; a replay revokes its family. */
    REFRESH_TOKEN_ROTATION("refresh-token-rotation"),
    /** RFC 8414 §2, OIDC Discovery §3: metadata does not advertise what an enforcing rule forbids. */
    TRUTHFUL_METADATA("truthful-metadata");

    private final String id;

    RuleId(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<RuleId> fromId(String id) {
        return Arrays.stream(values()).filter(rule -> rule.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
