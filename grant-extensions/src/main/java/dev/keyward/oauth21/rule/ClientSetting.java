package dev.keyward.oauth21.rule;

import java.util.List;

/**
 * Each stored client setting the rules judge, named as in Keycloak's client representation: that name
 * is what findings, events, the compliance report and its one-click fixes call the setting. How a
 * setting is read from and written to Keycloak is declared once per constant in the adapter
 * ({@code keycloak.clients.StoredSetting}); {@link ClientSettings} holds the values.
 */
public enum ClientSetting {

    CLIENT_ID("clientId", null),
    PUBLIC_CLIENT("publicClient", false),
    /** A bearer-only client (a resource server) takes part in no flow, whatever its flow switches say. */
    BEARER_ONLY("bearerOnly", false),
    /** Joined to relative redirect URIs. */
    ROOT_URL("rootUrl", null),
    REDIRECT_URIS("redirectUris", List.of()),
    /** Keycloak's "PKCE Method" ({@code S256}, {@code plain}); not set means PKCE is optional. */
    PKCE_METHOD("attributes.pkce.code.challenge.method", null),
    STANDARD_FLOW("standardFlowEnabled", true),
    IMPLICIT_FLOW("implicitFlowEnabled", false),
    /** The password grant ("Direct access grants"). */
    DIRECT_ACCESS_GRANTS("directAccessGrantsEnabled", false),
    /** The origins allowed to call Keycloak's endpoints from a browser (CORS); {@code +} stands for the redirect URIs' origins. */
    WEB_ORIGINS("webOrigins", List.of()),
    /** Where RP-initiated logout may send the browser, {@code ##}-separated; {@code +} stands for the redirect URIs. */
    POST_LOGOUT_REDIRECT_URIS("attributes.post.logout.redirect.uris", null),
    /** Every role of the user in the client's tokens, rather than only the roles mapped to its scope. */
    FULL_SCOPE_ALLOWED("fullScopeAllowed", true),
    /** The client credentials grant: the client holds a user of its own, its service account. */
    SERVICE_ACCOUNTS("serviceAccountsEnabled", false),
    /** Keycloak's "Require DPoP bound tokens": every token request carries a DPoP proof, so every token is bound to the client's key. */
    DPOP_BOUND_TOKENS("attributes.dpop.bound.access.tokens", null),
    /**
     * The client scopes every token of the client carries, asked for or not, by name. A client created without them gets
     * the realm's default client scopes, which a registration does not show: the report judges what was stored.
     */
    DEFAULT_CLIENT_SCOPES("defaultClientScopes", List.of()),
    /** Seconds an access token lives; not set: the realm's lifespan; -1: until the user's session ends. */
    ACCESS_TOKEN_LIFESPAN("attributes.access.token.lifespan", null),
    /** The profile the client is raised to ({@code fapi2}); not set: its realm's. */
    PROFILE("attributes.keyward.profile", null),
    /** How a confidential client authenticates: {@code client-secret}, {@code client-jwt} (private_key_jwt), {@code client-x509} (mTLS), … */
    CLIENT_AUTHENTICATOR("clientAuthenticatorType", "client-secret"),
    /** Keycloak's "Pushed authorization request required" (RFC 9126). */
    REQUIRE_PUSHED_AUTHORIZATION_REQUESTS("attributes.require.pushed.authorization.requests", null),
    /** Keycloak's "Exclude Issuer From Authentication Response": leaves RFC 9207's {@code iss} out. */
    EXCLUDE_ISSUER_FROM_AUTH_RESPONSE("attributes.exclude.issuer.from.auth.response", null),
    /** Access tokens bound to the client's TLS certificate (RFC 8705). */
    CERTIFICATE_BOUND_TOKENS("attributes.tls.client.certificate.bound.access.tokens", null),
    /** The algorithm the client's ID tokens are signed with; not set: the realm's default. */
    ID_TOKEN_SIGNATURE_ALGORITHM("attributes.id.token.signed.response.alg", null),
    /** The algorithm the client's access tokens are signed with; not set: the realm's default. */
    ACCESS_TOKEN_SIGNATURE_ALGORITHM("attributes.access.token.signed.response.alg", null),
    /** The one algorithm the client's own assertions (private_key_jwt) may be signed with; not set: any. */
    CLIENT_ASSERTION_SIGNATURE_ALGORITHM("attributes.token.endpoint.auth.signing.alg", null),
    /** The client's public keys are the JWKS stored in {@code jwks.string}. */
    USE_JWKS_STRING("attributes.use.jwks.string", null),
    /** The client's public keys as a JSON Web Key Set, stored. */
    JWKS_STRING("attributes.jwks.string", null),
    /** The client's public keys are fetched from {@code jwks.url} when needed. */
    USE_JWKS_URL("attributes.use.jwks.url", null),
    /** The client's X.509 certificate for private_key_jwt, base64 DER; used where no JWKS is. */
    JWT_CERTIFICATE("attributes.jwt.credential.certificate", null);

    private static final String ATTRIBUTES = "attributes.";

    private final String id;
    private final Object newClientDefault;

    ClientSetting(String id, Object newClientDefault) {
        this.id = id;
        this.newClientDefault = newClientDefault;
    }

    /** The setting's path in Keycloak's client representation, e.g. {@code implicitFlowEnabled} or {@code attributes.pkce.code.challenge.method}. */
    public String id() {
        return id;
    }

    /** The client attribute that holds the setting, or null when the setting is a field of the client. */
    public String attribute() {
        return id.startsWith(ATTRIBUTES) ? id.substring(ATTRIBUTES.length()) : null;
    }

    /** What Keycloak gives a new client that leaves the setting out. */
    public Object newClientDefault() {
        return newClientDefault;
    }

    /** A value of this setting as {@link ClientSettings} keeps it: null is the new-client default; lists are copied. */
    Object normalised(Object value) {
        if (value == null) {
            return newClientDefault;
        }
        if (newClientDefault instanceof Boolean && !(value instanceof Boolean)) {
            throw new IllegalArgumentException(id + " is a flag, not " + value);
        }
        if (newClientDefault instanceof List<?> && !(value instanceof List<?>)) {
            throw new IllegalArgumentException(id + " is a list, not " + value);
        }
        return value instanceof List<?> list ? List.copyOf(list) : value;
    }
}
