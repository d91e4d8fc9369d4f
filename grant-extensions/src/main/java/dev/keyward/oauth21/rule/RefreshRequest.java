package dev.keyward.oauth21.rule;

/**
 * A refresh token presented at the token endpoint, as far as the rules care.
 *
 * @param publicClient whether the client has no credentials of its own
 * @param dpopBound    whether the refresh token is bound to a DPoP key
 * @param firstUse     whether the token was never presented before, as the adapter learned it
 *                     from the cluster-wide store; null when not (yet) known
 */
public record RefreshRequest(boolean publicClient, boolean dpopBound, Boolean firstUse) {

    public RefreshRequest withFirstUse(boolean first) {
        return new RefreshRequest(publicClient, dpopBound, first);
    }
}
