package dev.keyward.oauth21.refresh;

import java.util.Optional;

import dev.keyward.oauth21.baseline.Finding;
import dev.keyward.oauth21.baseline.OAuthErrors;
import dev.keyward.oauth21.baseline.RuleId;

/**
 * Refresh token rotation for public clients (OAuth 2.1 §4.3.1, RFC 9700 §4.14.2): each refresh
 * token is good for one refresh. A second use means it leaked, so the request is refused and
 * the token family (the client's session) is revoked by the caller. Sender-constrained (DPoP)
 * refresh tokens need no rotation: a thief cannot use them without the key.
 */
public final class RefreshTokenRules {

    private RefreshTokenRules() {
    }

    /**
     * @param publicClient whether the client has no credentials of its own
     * @param dpopBound    whether the refresh token is bound to a DPoP key
     * @param firstUse     whether this refresh token has never been presented before
     */
    public static Optional<Finding> oneTimeUse(boolean publicClient, boolean dpopBound, boolean firstUse) {
        if (!publicClient || dpopBound || firstUse) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(RuleId.REFRESH_TOKEN_ROTATION, OAuthErrors.INVALID_GRANT,
                "this refresh token was already used; refresh tokens of public clients are single-use, and the session's tokens"
                        + " for this client are now revoked (OAuth 2.1 section 4.3.1)"));
    }

    /** Whether the rule needs to know if the token was used before, i.e. to remember it at all. */
    public static boolean applies(boolean publicClient, boolean dpopBound) {
        return publicClient && !dpopBound;
    }
}
