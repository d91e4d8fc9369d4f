package dev.keyward.oauth21.rule;

/**
 * An authorization request as received (raw parameter values, null when absent) and its client.
 *
 * @param pushed             whether the request's parameters were pushed (RFC 9126), at the PAR endpoint
 *                           or since, when the authorization endpoint takes them back by request_uri
 * @param challengeFirstSeen whether this code_challenge was never seen before, as the adapter
 *                           learned it from the cluster-wide store; null when not (yet) known
 */
public record AuthorizationRequest(
        ClientSettings client,
        String responseType,
        String redirectUri,
        String codeChallenge,
        String codeChallengeMethod,
        boolean pushed,
        Boolean challengeFirstSeen) {

    public AuthorizationRequest(ClientSettings client, String responseType, String redirectUri, String codeChallenge,
                                String codeChallengeMethod, boolean pushed) {
        this(client, responseType, redirectUri, codeChallenge, codeChallengeMethod, pushed, null);
    }

    /** A request sent to the authorization endpoint itself. */
    public AuthorizationRequest(ClientSettings client, String responseType, String redirectUri, String codeChallenge,
                                String codeChallengeMethod) {
        this(client, responseType, redirectUri, codeChallenge, codeChallengeMethod, false);
    }

    public AuthorizationRequest withChallengeFirstSeen(boolean firstSeen) {
        return new AuthorizationRequest(client, responseType, redirectUri, codeChallenge, codeChallengeMethod, pushed, firstSeen);
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
