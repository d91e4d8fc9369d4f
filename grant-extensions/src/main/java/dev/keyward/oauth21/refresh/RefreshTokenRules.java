package dev.keyward.oauth21.refresh;

import java.util.Locale;
import java.util.Optional;

import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.OAuthErrors;
import dev.keyward.oauth21.rule.RefreshRequest;
import dev.keyward.oauth21.rule.Violation;

/**
 * Refresh token rotation for public clients (OAuth 2.1 §4.3.1, RFC 9700 §4.14.2): each refresh
 * token is good for one refresh. A second use means it leaked, so the request is refused and
 * the token family (the client's session) is revoked. Sender-constrained (DPoP) refresh tokens
 * need no rotation: a thief cannot use them without the key.
 */
public final class RefreshTokenRules {

    private RefreshTokenRules() {
    }

    /** A refresh token of a public client is used once; silent while its first use is unknown. */
    public static Optional<Violation> oneTimeUse(RefreshRequest request) {
        if (!applies(request) || !Boolean.FALSE.equals(request.firstUse())) {
            return Optional.empty();
        }
        return Optional.of(Violation.of(OAuthErrors.INVALID_GRANT,
                        "this refresh token was already used; refresh tokens of public clients are single-use, and the session's tokens"
                                + " for this client are now revoked (OAuth 2.1 section 4.3.1)")
                .with(Violation.Effect.REVOKE_TOKEN_FAMILY));
    }

    /** How a client's refresh tokens are protected against replay, as the report tells it. */
    public enum Protection {
        /** Each refresh token of the public client is good once. */
        ROTATION,
        /** Every token of the public client is bound to its DPoP key (RFC 9449), so a stolen one is useless. */
        DPOP;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * RFC 9700 §4.14.2 lets a public client's refresh tokens be sender-constrained instead of rotated: a client that
     * requires DPoP-bound tokens has them bound, the others have them rotated. Empty for a client that gets no user
     * refresh tokens from Keyward's point of view (confidential, or no code flow).
     */
    public static Optional<Protection> protection(ClientSettings client) {
        if (!client.publicClient() || !client.standardFlow()) {
            return Optional.empty();
        }
        return Optional.of(client.requiresDpop() ? Protection.DPOP : Protection.ROTATION);
    }

    /** For the compliance report: a public code-flow client keeps working, but each refresh token is good once. */
    public static Optional<Violation> singleUseForPublicClients(ClientSettings client) {
        if (protection(client).filter(Protection.ROTATION::equals).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Violation.of(OAuthErrors.INVALID_GRANT, "refresh tokens of this public client become single-use;"
                        + " the application must store the new refresh token from each refresh (OAuth 2.1 section 4.3.1)")
                .about(new Violation.Setting("publicClient", "true", "nothing to change if the application keeps the newest refresh"
                        + " token; otherwise switch Require DPoP bound tokens on under Advanced > Advanced settings, once the application sends"
                        + " DPoP proofs, or make it a confidential client", null, false)));
    }

    /** Whether the rule needs to know if the token was used before, i.e. to remember it at all. */
    public static boolean applies(RefreshRequest request) {
        return request.publicClient() && !request.dpopBound();
    }
}
