package dev.keyward.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.dpop.JWKThumbprintConfirmation;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

/**
 * A FAPI 2.0 client built on Nimbus oauth2-oidc-sdk: it authenticates with private_key_jwt (an RSA key, PS256, the
 * issuer as the assertion's audience), pushes its requests (RFC 9126), binds the code to its DPoP key
 * ({@code dpop_jkt}) and proves that key at the token endpoint (RFC 9449), and checks {@code state} and RFC 9207's
 * {@code iss} in the authorization response. Its keys are made for each test run; {@link #registration} is the client
 * as the admin API creates it.
 */
public final class FapiClient {

    private final OIDCProviderMetadata metadata;
    private final ClientID clientId;
    private final URI redirectUri;
    private final RSAKey signingKey;
    private final ECKey dpopKey;

    private FapiClient(OIDCProviderMetadata metadata, ClientID clientId, URI redirectUri, RSAKey signingKey, ECKey dpopKey) {
        this.metadata = metadata;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.signingKey = signingKey;
        this.dpopKey = dpopKey;
    }

    public static FapiClient generate(URI issuer, String clientId, URI redirectUri) {
        try {
            return new FapiClient(OidcClient.discover(issuer), new ClientID(clientId), redirectUri,
                    new RSAKeyGenerator(2048).keyID(clientId + "-signing").keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.PS256).generate(), new ECKeyGenerator(Curve.P_256).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String clientId() {
        return clientId.getValue();
    }

    public OIDCProviderMetadata metadata() {
        return metadata;
    }

    /**
     * The client as the admin API creates one that meets FAPI 2.0: confidential, private_key_jwt with its public key
     * and PS256, PAR and DPoP-bound tokens required, PKCE S256, PS256 tokens, full scope off; {@code attributes}
     * replace or add attributes (null removes one), {@code fields} replace top-level fields.
     */
    public Map<String, Object> registration(Map<String, String> attributes, Map<String, Object> fields) {
        Map<String, String> stored = new HashMap<>(Map.of(
                "use.jwks.string", "true",
                "jwks.string", new JWKSet(signingKey.toPublicJWK()).toString(),
                "token.endpoint.auth.signing.alg", "PS256",
                "require.pushed.authorization.requests", "true",
                "dpop.bound.access.tokens", "true",
                "pkce.code.challenge.method", "S256",
                "id.token.signed.response.alg", "PS256",
                "access.token.signed.response.alg", "PS256"));
        attributes.forEach((name, value) -> {
            if (value == null) {
                stored.remove(name);
            } else {
                stored.put(name, value);
            }
        });
        Map<String, Object> client = new HashMap<>(Map.of(
                "clientId", clientId.getValue(),
                "publicClient", false,
                "clientAuthenticatorType", "client-jwt",
                "standardFlowEnabled", true,
                "directAccessGrantsEnabled", false,
                "fullScopeAllowed", false,
                "redirectUris", List.of(redirectUri.toString()),
                "attributes", stored));
        client.putAll(fields);
        return client;
    }

    /** A fresh private_key_jwt assertion (its own jti) with the issuer as its audience, as FAPI 2.0 asks. */
    public PrivateKeyJWT assertion() {
        return assertionFor(URI.create(metadata.getIssuer().getValue()));
    }

    /** A fresh assertion with the issuer as its audience, issued (and not valid before) {@code issuedAt}: a client's clock ahead. */
    public PrivateKeyJWT assertionIssuedAt(Instant issuedAt) {
        try {
            return new PrivateKeyJWT(new JWTAuthenticationClaimsSet(clientId, new Audience(metadata.getIssuer()).toSingleAudienceList(),
                    Date.from(issuedAt.plusSeconds(60)), Date.from(issuedAt), Date.from(issuedAt), new JWTID()), JWSAlgorithm.PS256,
                    signingKey.toPrivateKey(), signingKey.getKeyID(), null);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A fresh assertion whose {@code aud} is an array of just the issuer, which FAPI 2.0 forbids (5.3.3.1-5): built by
     * hand, since Nimbus writes a single audience as a string.
     */
    public PrivateKeyJWT assertionWithAudienceArray() {
        Map<String, Object> claims = new HashMap<>(assertion().getJWTAuthenticationClaimsSet().toJWTClaimsSet().toJSONObject());
        claims.put("aud", List.of(metadata.getIssuer().getValue()));
        try {
            JWSObject signed = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID(signingKey.getKeyID()).type(JOSEObjectType.JWT).build(),
                    new Payload(claims));
            signed.sign(new RSASSASigner(signingKey));
            return new PrivateKeyJWT(SignedJWT.parse(signed.serialize()));
        } catch (JOSEException | java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh private_key_jwt assertion for another audience, e.g. an endpoint, which Keycloak alone also accepts. */
    public PrivateKeyJWT assertionFor(URI audience) {
        try {
            return new PrivateKeyJWT(clientId, audience, JWSAlgorithm.PS256, signingKey.toPrivateKey(), signingKey.getKeyID(), null);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Pushes an authorization request for a code with PKCE S256, bound to the DPoP key where {@code bindDpopKey}, with
     * the redirect URI where {@code withRedirectUri}.
     */
    public Pushed push(Scope scope, boolean bindDpopKey, boolean withRedirectUri) {
        return push(scope, bindDpopKey, withRedirectUri, assertion());
    }

    /** The same, authenticated by {@code authentication}. */
    public Pushed push(Scope scope, boolean bindDpopKey, boolean withRedirectUri, ClientAuthentication authentication) {
        return push(scope, bindDpopKey, withRedirectUri, authentication, null);
    }

    /** The same, with an OpenID Connect {@code nonce} where not null. */
    public Pushed push(Scope scope, boolean bindDpopKey, boolean withRedirectUri, ClientAuthentication authentication, String nonce) {
        State state = new State();
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationRequest.Builder request = new AuthorizationRequest.Builder(ResponseType.CODE, clientId)
                .scope(scope).state(state).codeChallenge(verifier, CodeChallengeMethod.S256);
        if (nonce != null) {
            request.customParameter("nonce", nonce);
        }
        if (withRedirectUri) {
            request.redirectionURI(redirectUri);
        }
        if (bindDpopKey) {
            try {
                request.dPoPJWKThumbprintConfirmation(JWKThumbprintConfirmation.of(dpopKey));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
        PushedAuthorizationRequest par = new PushedAuthorizationRequest(metadata.getPushedAuthorizationRequestEndpointURI(), authentication,
                request.build());
        try {
            return new Pushed(PushedAuthorizationResponse.parse(par.toHTTPRequest().send()), state, verifier);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new AssertionError("Unparseable PAR response", e);
        }
    }

    /** The front-channel request that takes a pushed request back by its request_uri. */
    public URI frontChannel(URI requestUri) {
        return new AuthorizationRequest.Builder(requestUri, clientId).endpointURI(metadata.getAuthorizationEndpointURI()).build().toURI();
    }

    /** A front-channel request that was not pushed: what a FAPI 2.0 client must not send. */
    public URI notPushed(Scope scope) {
        return new AuthorizationRequest.Builder(ResponseType.CODE, clientId).endpointURI(metadata.getAuthorizationEndpointURI())
                .redirectionURI(redirectUri).scope(scope).state(new State()).codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256)
                .build().toURI();
    }

    /** Requires success, {@code state} as sent and {@code iss} present and this issuer's (RFC 9207); returns the code. */
    public AuthorizationCode codeFrom(URI redirect, State state) {
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(redirect);
        } catch (ParseException e) {
            throw new AssertionError("Not an authorization response: " + redirect, e);
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            throw new AssertionError("Authorization failed: " + error.getCode() + " " + error.getDescription());
        }
        AuthenticationSuccessResponse success = response.toSuccessResponse();
        if (!state.equals(success.getState())) {
            throw new AssertionError("state mismatch: sent " + state + ", got " + success.getState());
        }
        if (!metadata.getIssuer().equals(success.getIssuer())) {
            throw new AssertionError("iss missing or wrong: expected " + metadata.getIssuer() + ", got " + success.getIssuer());
        }
        return success.getAuthorizationCode();
    }

    /** Redeems a code with private_key_jwt, with a DPoP proof of the client's key where {@code withDpop}. */
    public TokenResponse redeem(AuthorizationCode code, CodeVerifier verifier, boolean withDpop) {
        return token(new AuthorizationCodeGrant(code, redirectUri, verifier), assertion(), withDpop);
    }

    /** A token request authenticated by {@code authentication}, with a DPoP proof of the client's key where {@code withDpop}. */
    public TokenResponse token(AuthorizationGrant grant, ClientAuthentication authentication, boolean withDpop) {
        return token(grant, authentication, withDpop ? Instant.now() : null);
    }

    /** The same, with a DPoP proof issued {@code proofIssuedAt} (none when null): a client's clock ahead or behind. */
    public TokenResponse token(AuthorizationGrant grant, ClientAuthentication authentication, Instant proofIssuedAt) {
        HTTPRequest request = new TokenRequest(metadata.getTokenEndpointURI(), authentication, grant).toHTTPRequest();
        try {
            if (proofIssuedAt != null) {
                request.setDPoP(new DefaultDPoPProofFactory(dpopKey, JWSAlgorithm.ES256).createDPoPJWT(new JWTID(), request.getMethod().name(),
                        request.getURI(), Date.from(proofIssuedAt), null));
            }
            return OIDCTokenResponseParser.parse(request.send());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new AssertionError("Unparseable token response", e);
        }
    }

    /** RFC 7638 thumbprint of the DPoP key, as an access token's {@code cnf.jkt} names it. */
    public String dpopThumbprint() {
        try {
            return dpopKey.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PAR endpoint's answer and the secrets kept until the code comes back. */
    public record Pushed(PushedAuthorizationResponse response, State state, CodeVerifier verifier) {

        public URI requestUri() {
            if (!response.indicatesSuccess()) {
                ErrorObject error = response.toErrorResponse().getErrorObject();
                throw new AssertionError("PAR failed: " + error.getCode() + " " + error.getDescription());
            }
            return response.toSuccessResponse().getRequestURI();
        }
    }
}
