package dev.keyward.oauth21.rule;

/**
 * A token request as received (raw parameter values, null when absent) and its client.
 *
 * @param dpopProof whether the request carries a DPoP proof (RFC 9449), which Keycloak verifies itself
 */
public record TokenRequest(ClientSettings client, String grantType, String codeVerifier, boolean dpopProof) {

    /** A request without a DPoP proof. */
    public TokenRequest(ClientSettings client, String grantType, String codeVerifier) {
        this(client, grantType, codeVerifier, false);
    }
}
