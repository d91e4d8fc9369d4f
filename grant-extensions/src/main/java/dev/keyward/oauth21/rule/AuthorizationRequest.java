package dev.keyward.oauth21.rule;

/**
 * An authorization request as received (raw parameter values, null when absent) and its client.
 *
 * @param challengeFirstSeen whether this code_challenge was never seen before, as the adapter
 *                           learned it from the cluster-wide store; null when not (yet) known
 */
public record AuthorizationRequest(
        ClientSettings client,
        String responseType,
        String redirectUri,
        String codeChallenge,
        String codeChallengeMethod,
        Boolean challengeFirstSeen) {

    public AuthorizationRequest(ClientSettings client, String responseType, String redirectUri, String codeChallenge,
                                String codeChallengeMethod) {
        this(client, responseType, redirectUri, codeChallenge, codeChallengeMethod, null);
    }

    public AuthorizationRequest withChallengeFirstSeen(boolean firstSeen) {
        return new AuthorizationRequest(client, responseType, redirectUri, codeChallenge, codeChallengeMethod, firstSeen);
    }

    /** True when the response type asks for an authorization code, alone or with tokens. */
    public boolean requestsCode() {
        if (responseType == null) {
            return false;
        }
        for (String part : responseType.split(" ")) {
            if (part.equals("code")) {
                return true;
            }
        }
        return false;
    }
}
