package dev.keyward.oauth21.fapi2;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.keyward.oauth21.rule.AuthorizationRequest;
import dev.keyward.oauth21.rule.ClientAssertion;
import dev.keyward.oauth21.rule.ClientSetting;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.Metadata;
import dev.keyward.oauth21.rule.OAuthErrors;
import dev.keyward.oauth21.rule.TokenRequest;
import dev.keyward.oauth21.rule.Violation;

/**
 * The FAPI 2.0 Security Profile's requirements of an authorization server that Keycloak's configuration or a request
 * can break, judged for the clients raised to the profile. Clause numbers are those of FAPI 2.0 Security Profile
 * (final): 5.3.2.1 general, 5.3.2.2 the authorization endpoint, 5.4.1 cryptography; where OAuth 2.1's rules already
 * hold a requirement (PKCE S256, code only, no password grant, exact redirect URIs) the OAuth 2.1 rule judges it, as
 * for every client.
 */
public final class Fapi2Rules {

    /** The signing algorithms FAPI 2.0 allows (section 5.4.1). */
    public static final Set<String> SIGNING_ALGORITHMS = Set.of("PS256", "ES256", "EdDSA");
    /** Keycloak's authenticators for private_key_jwt and for mutual TLS (RFC 8705). */
    public static final Set<String> CLIENT_AUTHENTICATORS = Set.of("client-jwt", "client-x509");
    /** The discovery names of private_key_jwt and mutual TLS (RFC 8705 section 2). */
    static final Set<String> ADVERTISED_AUTHENTICATION_METHODS = Set.of("private_key_jwt", "tls_client_auth", "self_signed_tls_client_auth");
    /** Seconds an authorization code may live (section 5.3.2.1). */
    public static final int CODE_LIFESPAN_LIMIT = 60;
    /** A pushed request's request_uri lives less than this many seconds (section 5.3.2.2). */
    public static final int REQUEST_URI_LIFESPAN_LIMIT = 600;
    static final String FIXED_SIGNING_ALGORITHM = "PS256";
    /** Section 5.4.1: the shortest keys allowed. */
    public static final int RSA_KEY_BITS = 2048;
    public static final int EC_KEY_BITS = 224;

    private Fapi2Rules() {
    }

    /** Section 5.3.2.2: the authorization server only accepts authorization requests pushed first (RFC 9126). */
    public static Optional<Violation> onlyPushedRequests(AuthorizationRequest request) {
        return request.pushed() ? Optional.empty() : Optional.of(Violation.of(OAuthErrors.INVALID_REQUEST,
                "FAPI 2.0 accepts only pushed authorization requests: push the request to the PAR endpoint and send its request_uri"
                        + " (FAPI 2.0 Security Profile 5.3.2.2, RFC 9126)"));
    }

    /** The client is configured so that Keycloak itself refuses requests that were not pushed, and says so in its metadata. */
    public static Optional<Violation> pushedRequestsRequired(ClientSettings client) {
        return client.requiresPushedRequests() ? Optional.empty() : Optional.of(Violation.of(OAuthErrors.INVALID_CLIENT_METADATA,
                        "a FAPI 2.0 client must require pushed authorization requests (FAPI 2.0 Security Profile 5.3.2.2)")
                .about(new Violation.Setting(ClientSetting.REQUIRE_PUSHED_AUTHORIZATION_REQUESTS.id(), "false",
                        "switch Pushed authorization request required on under Advanced > Advanced settings", "true", true)));
    }

    /** Section 5.3.2.2: a pushed request names its redirect_uri, so the client proves which one it uses. */
    public static Optional<Violation> redirectUriPushed(AuthorizationRequest request) {
        return request.redirectUri() != null && !request.redirectUri().isBlank() ? Optional.empty()
                : Optional.of(Violation.of(OAuthErrors.INVALID_REQUEST,
                "a FAPI 2.0 pushed authorization request must name its redirect_uri (FAPI 2.0 Security Profile 5.3.2.2)"));
    }

    /** Section 5.3.2.1: only confidential clients. */
    public static Optional<Violation> confidentialClient(ClientSettings client) {
        return !client.publicClient() ? Optional.empty() : Optional.of(Violation.of(OAuthErrors.INVALID_CLIENT_METADATA,
                        "a FAPI 2.0 client must be confidential (FAPI 2.0 Security Profile 5.3.2.1)")
                .about(new Violation.Setting(ClientSetting.PUBLIC_CLIENT.id(), "true",
                        "switch Client authentication on under Settings > Capability config, then choose Signed JWT as the"
                                + " client authenticator under Credentials", null, true)));
    }

    /**
     * Section 5.3.2.1-8: a client assertion's {@code aud} is this server's issuer identifier, as a string. Keycloak on its
     * own also accepts its token, introspection, PAR and CIBA endpoints, so an assertion made for one of them could be
     * replayed at another; and it reads an array of one value as that value.
     */
    public static Optional<Violation> issuerAsAssertionAudience(ClientAssertion assertion) {
        if (!assertion.audienceArray() && assertion.audience().equals(List.of(assertion.issuer()))) {
            return Optional.empty();
        }
        String sent = assertion.audienceArray() ? "the array " + assertion.audience()
                : assertion.audience().isEmpty() ? "none" : assertion.audience().get(0);
        return Optional.of(Violation.of(OAuthErrors.INVALID_CLIENT, "a FAPI 2.0 client assertion must name the issuer " + assertion.issuer()
                + " as its aud, a single string; it names " + sent + " (FAPI 2.0 Security Profile 5.3.2.1)"));
    }

    /** Section 5.3.2.1: a confidential client authenticates with private_key_jwt or mutual TLS, never a shared secret. */
    public static Optional<Violation> keyBasedClientAuthentication(ClientSettings client) {
        if (client.publicClient() || CLIENT_AUTHENTICATORS.contains(client.clientAuthenticator())) {
            return Optional.empty();
        }
        return Optional.of(Violation.of(OAuthErrors.INVALID_CLIENT_METADATA,
                        "a FAPI 2.0 client authenticates with private_key_jwt or mutual TLS, not " + client.clientAuthenticator()
                                + " (FAPI 2.0 Security Profile 5.3.2.1)")
                .about(new Violation.Setting(ClientSetting.CLIENT_AUTHENTICATOR.id(), client.clientAuthenticator(),
                        "choose Signed JWT (private_key_jwt) or X509 Certificate (mutual TLS) under Credentials > Client Authenticator,"
                                + " and give the client its keys", null, true)));
    }

    /** Section 5.3.2.1: access tokens are sender-constrained, here with DPoP (RFC 9449) unless bound to a TLS certificate. */
    public static Optional<Violation> senderConstrainedConfigured(ClientSettings client) {
        return client.requiresDpop() || client.certificateBoundTokens() ? Optional.empty()
                : Optional.of(Violation.of(OAuthErrors.INVALID_CLIENT_METADATA,
                        "a FAPI 2.0 client's tokens must be sender-constrained: require DPoP-bound tokens (FAPI 2.0 Security Profile"
                                + " 5.3.2.1, RFC 9449)")
                .about(new Violation.Setting(ClientSetting.DPOP_BOUND_TOKENS.id(), "false",
                        "switch Require DPoP bound tokens on under Advanced > Advanced settings", "true", true)));
    }

    /** Section 5.3.2.1: a token request proves possession of the key its tokens are bound to (the DPoP header). */
    public static Optional<Violation> senderConstrainedRequest(TokenRequest request) {
        return request.dpopProof() || request.client().certificateBoundTokens() ? Optional.empty()
                : Optional.of(Violation.of(OAuthErrors.INVALID_DPOP_PROOF,
                "a FAPI 2.0 token request must carry a DPoP proof, so its tokens are bound to the client's key (FAPI 2.0 Security"
                        + " Profile 5.3.2.1, RFC 9449)"));
    }

    /** Section 5.3.2.2: the authorization response carries {@code iss} (RFC 9207), so a client can tell mixed-up servers apart. */
    public static Optional<Violation> issuerInResponse(ClientSettings client) {
        return !client.excludesIssuerFromResponse() ? Optional.empty() : Optional.of(Violation.of(OAuthErrors.INVALID_CLIENT_METADATA,
                        "a FAPI 2.0 authorization response must carry iss (FAPI 2.0 Security Profile 5.3.2.2, RFC 9207)")
                .about(new Violation.Setting(ClientSetting.EXCLUDE_ISSUER_FROM_AUTH_RESPONSE.id(), "true",
                        "switch Exclude Issuer From Authentication Response off under Advanced > OpenID Connect Compatibility Modes",
                        "false", true)));
    }

    /** Section 5.3.2.1: authorization codes live at most 60 seconds (the realm's Client login timeout). */
    public static Optional<Violation> shortLivedCodes(ClientSettings client) {
        Integer lifespan = client.realm().accessCodeLifespan();
        return lifespan == null || lifespan <= CODE_LIFESPAN_LIMIT ? Optional.empty() : Optional.of(Violation.of(
                        OAuthErrors.INVALID_CLIENT_METADATA, "authorization codes live " + lifespan + " seconds; FAPI 2.0 allows at most "
                                + CODE_LIFESPAN_LIMIT + " (FAPI 2.0 Security Profile 5.3.2.1)")
                .about(new Violation.Setting("realm.accessCodeLifespan", String.valueOf(lifespan),
                        "lower Client login timeout under Realm settings > Tokens to at most 1 minute", null, true)));
    }

    /** Section 5.3.2.2: a pushed request's request_uri lives less than 600 seconds. */
    public static Optional<Violation> shortLivedRequestUris(ClientSettings client) {
        Integer lifespan = client.realm().requestUriLifespan();
        return lifespan == null || lifespan < REQUEST_URI_LIFESPAN_LIMIT ? Optional.empty() : Optional.of(Violation.of(
                        OAuthErrors.INVALID_CLIENT_METADATA, "pushed requests' request_uri live " + lifespan + " seconds; FAPI 2.0 asks for"
                                + " less than " + REQUEST_URI_LIFESPAN_LIMIT + " (FAPI 2.0 Security Profile 5.3.2.2)")
                .about(new Violation.Setting("realm.attributes.parRequestUriLifespan", String.valueOf(lifespan),
                        "lower the realm's parRequestUriLifespan (Realm settings > General, or the admin API) below 10 minutes", null, true)));
    }

    /** Section 5.3.2.1: no refresh-token rotation except in extraordinary circumstances; the client's refresh token is bound to it. */
    public static Optional<Violation> noRefreshTokenRotation(ClientSettings client) {
        return !Boolean.TRUE.equals(client.realm().revokeRefreshToken()) ? Optional.empty() : Optional.of(Violation.of(
                        OAuthErrors.INVALID_CLIENT_METADATA, "the realm rotates every refresh token; FAPI 2.0 asks for rotation only in"
                                + " extraordinary circumstances (FAPI 2.0 Security Profile 5.3.2.1)")
                .about(new Violation.Setting("realm.revokeRefreshToken", "true",
                        "switch Revoke refresh token off under Realm settings > Tokens", null, true)));
    }

    /** Section 5.4.1: the client's ID tokens are signed with PS256, ES256 or EdDSA. */
    public static Optional<Violation> idTokenSignature(ClientSettings client) {
        return signedWith(client, ClientSetting.ID_TOKEN_SIGNATURE_ALGORITHM, "ID tokens",
                "set ID token signature algorithm under Advanced > Fine grain OpenID Connect configuration");
    }

    /** Section 5.4.1: the client's access tokens are signed with PS256, ES256 or EdDSA. */
    public static Optional<Violation> accessTokenSignature(ClientSettings client) {
        return signedWith(client, ClientSetting.ACCESS_TOKEN_SIGNATURE_ALGORITHM, "access tokens",
                "set Access token signature algorithm under Advanced > Fine grain OpenID Connect configuration");
    }

    /** Section 5.4.1: a private_key_jwt client's assertions are accepted only with PS256, ES256 or EdDSA. */
    public static Optional<Violation> clientAssertionSignature(ClientSettings client) {
        if (!"client-jwt".equals(client.clientAuthenticator())) {
            return Optional.empty();
        }
        String algorithm = (String) client.value(ClientSetting.CLIENT_ASSERTION_SIGNATURE_ALGORITHM);
        if (algorithm != null && SIGNING_ALGORITHMS.contains(algorithm.strip())) {
            return Optional.empty();
        }
        return Optional.of(Violation.of(OAuthErrors.INVALID_CLIENT_METADATA, (algorithm == null || algorithm.isBlank()
                        ? "the client's assertions are accepted with any algorithm" : "the client's assertions are signed with " + algorithm)
                        + "; FAPI 2.0 allows PS256, ES256 or EdDSA (FAPI 2.0 Security Profile 5.4.1)")
                .about(new Violation.Setting(ClientSetting.CLIENT_ASSERTION_SIGNATURE_ALGORITHM.id(), algorithm == null ? "" : algorithm,
                        "set Signature algorithm under Credentials to the one the client's key signs with (PS256 for RSA, ES256 for"
                                + " P-256, EdDSA for Ed25519)", null, true)));
    }

    /**
     * Section 5.4.1: the client's keys are RSA of at least 2048 bits or elliptic-curve of at least 224, as stored for
     * private_key_jwt (its JWKS, else its certificate). Keys fetched from a JWKS URL (which Keycloak uses first when it is
     * on) are the client's to publish and are not judged from storage.
     */
    public static Optional<Violation> strongClientKeys(ClientSettings client) {
        Optional<ClientSetting> storedKeys = client.storedKeys();
        if (!"client-jwt".equals(client.clientAuthenticator()) || storedKeys.isEmpty()) {
            return Optional.empty();
        }
        ClientSetting stored = storedKeys.get();
        String keys = (String) client.value(stored);
        if (keys == null || keys.isBlank()) {
            return Optional.empty();
        }
        try {
            List<ClientKeys.Key> read = stored == ClientSetting.JWKS_STRING ? ClientKeys.fromJwks(keys) : List.of(ClientKeys.fromCertificate(keys));
            return read.stream().filter(Fapi2Rules::tooShort).findFirst().map(key -> keyViolation(stored,
                    "the client's " + key.type() + " key" + (key.id() == null ? "" : " '" + key.id() + "'") + " has " + key.bits()
                            + " bits; FAPI 2.0 asks for RSA keys of at least " + RSA_KEY_BITS + " bits and elliptic-curve keys of at least "
                            + EC_KEY_BITS + " (FAPI 2.0 Security Profile 5.4.1)"));
        } catch (IllegalArgumentException e) {
            return Optional.of(keyViolation(stored, "the client's keys cannot be read (" + e.getMessage() + "), so no assertion of it can be verified"));
        }
    }

    private static boolean tooShort(ClientKeys.Key key) {
        return key.type().equals("RSA") ? key.bits() < RSA_KEY_BITS : key.bits() < EC_KEY_BITS;
    }

    private static Violation keyViolation(ClientSetting stored, String description) {
        return Violation.of(OAuthErrors.INVALID_CLIENT_METADATA, description).about(new Violation.Setting(stored.id(), "(the client's keys)",
                "give the client a new key of the required size (Credentials > Signed JWT, or Keys) and update the application to sign with it",
                null, true));
    }

    /** RFC 9126 section 5: the realm as a whole requires pushed requests. */
    public static Metadata advertisePushedRequestsRequired(Metadata metadata) {
        return metadata.requiringPushedAuthorizationRequests();
    }

    /** Only the key-based client authentication methods: no client secrets. */
    public static Metadata advertiseKeyBasedClientAuthentication(Metadata metadata) {
        return metadata.withTokenEndpointAuthMethods(ADVERTISED_AUTHENTICATION_METHODS::contains);
    }

    /** Only PS256, ES256 and EdDSA for client assertions and ID tokens. */
    public static Metadata advertiseFapiSigningAlgorithms(Metadata metadata) {
        return metadata.withSigningAlgorithms(SIGNING_ALGORITHMS::contains);
    }

    /** Only PS256, ES256 and EdDSA for DPoP proofs. */
    public static Metadata advertiseFapiDpopAlgorithms(Metadata metadata) {
        return metadata.withDpopSigningAlgorithms(SIGNING_ALGORITHMS::contains);
    }

    private static Optional<Violation> signedWith(ClientSettings client, ClientSetting setting, String tokens, String where) {
        String algorithm = client.signatureAlgorithm(setting);
        if (algorithm == null || SIGNING_ALGORITHMS.contains(algorithm)) {
            return Optional.empty();
        }
        return Optional.of(Violation.of(OAuthErrors.INVALID_CLIENT_METADATA, "the client's " + tokens + " are signed with " + algorithm
                        + "; FAPI 2.0 allows PS256, ES256 or EdDSA (FAPI 2.0 Security Profile 5.4.1)")
                .about(new Violation.Setting(setting.id(), algorithm, where + " to PS256 (the realm's RSA key signs it)",
                        FIXED_SIGNING_ALGORITHM, true)));
    }
}
