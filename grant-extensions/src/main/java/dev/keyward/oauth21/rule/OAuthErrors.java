package dev.keyward.oauth21.rule;

/** The OAuth error codes the rules answer with. */
public final class OAuthErrors {

    public static final String INVALID_REQUEST = "invalid_request";
    public static final String INVALID_GRANT = "invalid_grant";
    public static final String UNSUPPORTED_RESPONSE_TYPE = "unsupported_response_type";
    public static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";
    /** RFC 6749 §5.2: client authentication failed. */
    public static final String INVALID_CLIENT = "invalid_client";
    /** RFC 6749 §4.1.2.1 and §5.2: the client, as configured, may not use this grant. */
    public static final String UNAUTHORIZED_CLIENT = "unauthorized_client";
    /** RFC 7591 §3.2.2. */
    public static final String INVALID_REDIRECT_URI = "invalid_redirect_uri";
    /** RFC 7591 §3.2.2. */
    public static final String INVALID_CLIENT_METADATA = "invalid_client_metadata";
    /** RFC 9449 §5: the DPoP proof is missing or not valid, as Keycloak answers. */
    public static final String INVALID_DPOP_PROOF = "invalid_dpop_proof";

    private OAuthErrors() {
    }
}
