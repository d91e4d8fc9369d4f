package dev.keyward.oauth21.baseline;

/** An authorization request as received (raw parameter values, null when absent) and its client. */
public record AuthorizationRequest(
        ClientSettings client,
        String responseType,
        String redirectUri,
        String codeChallenge,
        String codeChallengeMethod) {
}
