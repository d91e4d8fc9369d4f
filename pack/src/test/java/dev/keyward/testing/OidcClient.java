package dev.keyward.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.nimbusds.jose.proc.BadJOSEException;

/**
 * An OpenID Connect client built on Nimbus oauth2-oidc-sdk, so the protocol is checked by a
 * library nobody here wrote: Nimbus builds the requests, parses the responses and validates
 * ID tokens against the realm's published keys.
 */
public final class OidcClient {

    private final OIDCProviderMetadata metadata;
    private final ClientID clientId;
    private final URI redirectUri;
    private final Secret secret;

    private OidcClient(OIDCProviderMetadata metadata, ClientID clientId, URI redirectUri, Secret secret) {
        this.metadata = metadata;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.secret = secret;
    }

    /** A public client of the realm with this issuer, discovered through its OpenID configuration. */
    public static OidcClient publicClient(URI issuer, String clientId, URI redirectUri) {
        return new OidcClient(discover(issuer), new ClientID(clientId), redirectUri, null);
    }

    /** A confidential client that authenticates with client_secret_basic. */
    public static OidcClient confidentialClient(URI issuer, String clientId, String secret, URI redirectUri) {
        return new OidcClient(discover(issuer), new ClientID(clientId), redirectUri, new Secret(secret));
    }

    public OIDCProviderMetadata metadata() {
        return metadata;
    }

    /** A fresh authorization request with state, nonce and a PKCE S256 challenge. */
    public Authorization authorize(Scope scope) {
        return authorize(scope, redirectUri);
    }

    public Authorization authorize(Scope scope, URI redirect) {
        return authorize(scope, redirect, List.of());
    }

    /** With RFC 8707 {@code resource} parameters. */
    public Authorization authorize(Scope scope, List<URI> resources) {
        return authorize(scope, redirectUri, resources);
    }

    private Authorization authorize(Scope scope, URI redirect, List<URI> resources) {
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI request = new AuthenticationRequest.Builder(ResponseType.CODE, scope, clientId, redirect)
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .resources(resources.isEmpty() ? null : resources.toArray(URI[]::new))
                .build()
                .toURI();
        return new Authorization(request, redirect, state, nonce, verifier);
    }

    /**
     * An authorization request shaped by the test, for what a well-behaved client would not send:
     * the builder starts with response_type, client_id, redirect_uri and a fresh state.
     */
    public URI customAuthorization(ResponseType responseType, URI redirect, UnaryOperator<AuthorizationRequest.Builder> shape) {
        AuthorizationRequest.Builder builder = new AuthorizationRequest.Builder(responseType, clientId)
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .redirectionURI(redirect)
                .scope(new Scope("openid"))
                .state(new State());
        return shape.apply(builder).build().toURI();
    }

    /**
     * Parses the redirect back to the client, requires success, and checks {@code state}
     * and the RFC 9207 {@code iss} parameter before handing out the code.
     */
    public AuthorizationCode codeFrom(URI redirect, Authorization authorization) {
        AuthenticationResponse response = parseRedirect(redirect);
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            throw new AssertionError("Authorization failed: " + error.getCode() + " " + error.getDescription());
        }
        AuthenticationSuccessResponse success = response.toSuccessResponse();
        if (!authorization.state().equals(success.getState())) {
            throw new AssertionError("state mismatch: sent " + authorization.state() + ", got " + success.getState());
        }
        Issuer issuer = success.getIssuer();
        if (!metadata.getIssuer().equals(issuer)) {
            throw new AssertionError("iss mismatch: expected " + metadata.getIssuer() + ", got " + issuer);
        }
        return success.getAuthorizationCode();
    }

    /**
     * Signs the user in through the browser for this authorization and returns the redirect
     * back to the client with its code (already checked for {@code state} and {@code iss}).
     */
    public SignIn signIn(Browser browser, Authorization authorization, String username, String password) {
        URI redirect = browser.openLogin(authorization.requestUri()).signIn(username, password).redirectOrFail();
        return new SignIn(redirect, codeFrom(redirect, authorization));
    }

    /** A whole sign-in in a fresh browser: authorize with PKCE, sign in, redeem the code. */
    public OIDCTokenResponse signInForTokens(URI keycloak, Scope scope, String username, String password) {
        try (Browser browser = new Browser(keycloak)) {
            return signInForTokens(browser, authorize(scope), username, password);
        }
    }

    /** Signs in, then redeems the code with the authorization's verifier; fails on any error. */
    public OIDCTokenResponse signInForTokens(Browser browser, Authorization authorization, String username, String password) {
        SignIn signIn = signIn(browser, authorization, username, password);
        return success(redeem(signIn.code(), authorization.redirectUri(), authorization.verifier()));
    }

    public AuthenticationResponse parseRedirect(URI redirect) {
        try {
            return AuthenticationResponseParser.parse(redirect);
        } catch (ParseException e) {
            throw new AssertionError("Not an authorization response: " + redirect, e);
        }
    }

    /** Redeems a code with the given PKCE verifier; returns the token endpoint's answer, success or error. */
    public TokenResponse redeem(AuthorizationCode code, URI redirect, CodeVerifier verifier) {
        return token(new AuthorizationCodeGrant(code, redirect, verifier));
    }

    /** A token request with a DPoP proof (RFC 9449) from the given key, for sender-constrained tokens. */
    public TokenResponse token(AuthorizationGrant grant, DPoPProofFactory dpop) {
        HTTPRequest request = new TokenRequest(metadata.getTokenEndpointURI(), clientId, grant).toHTTPRequest();
        try {
            request.setDPoP(dpop.createDPoPJWT(request.getMethod().name(), request.getURI()));
            return OIDCTokenResponseParser.parse(request.send());
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign the DPoP proof", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new AssertionError("Unparseable token response", e);
        }
    }

    public TokenResponse clientCredentials(Scope scope) {
        return token(new ClientCredentialsGrant(), scope);
    }

    public TokenResponse token(AuthorizationGrant grant) {
        return token(grant, (Scope) null);
    }

    private TokenResponse token(AuthorizationGrant grant, Scope scope) {
        return token(grant, scope, List.of());
    }

    /** A token request with RFC 8707 {@code resource} parameters. */
    public TokenResponse token(AuthorizationGrant grant, Scope scope, List<URI> resources) {
        TokenRequest.Builder request = secret == null
                ? new TokenRequest.Builder(metadata.getTokenEndpointURI(), clientId, grant)
                : new TokenRequest.Builder(metadata.getTokenEndpointURI(), new ClientSecretBasic(clientId, secret), grant);
        return send(request.scope(scope).resources(resources.isEmpty() ? null : resources.toArray(URI[]::new)).build());
    }

    /** The userinfo endpoint's claims for this access token. */
    public Map<String, Object> userInfo(OIDCTokenResponse tokens) {
        try {
            UserInfoResponse response = UserInfoResponse.parse(
                    new UserInfoRequest(metadata.getUserInfoEndpointURI(), tokens.getOIDCTokens().getBearerAccessToken()).toHTTPRequest().send());
            if (!response.indicatesSuccess()) {
                throw new AssertionError("userinfo failed: " + response.toErrorResponse().getErrorObject());
            }
            return response.toSuccessResponse().getUserInfo().toJSONObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new AssertionError("Unparseable userinfo response", e);
        }
    }

    /** The introspection response for a token, asked by this (confidential) client. */
    public Map<String, Object> introspect(OIDCTokenResponse tokens) {
        try {
            TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                    metadata.getIntrospectionEndpointURI(), new ClientSecretBasic(clientId, secret),
                    tokens.getOIDCTokens().getAccessToken()).toHTTPRequest().send());
            if (!response.indicatesSuccess()) {
                throw new AssertionError("introspection failed: " + response.toErrorResponse().getErrorObject());
            }
            return response.toSuccessResponse().toJSONObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new AssertionError("Unparseable introspection response", e);
        }
    }

    private static TokenResponse send(TokenRequest request) {
        try {
            return OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new AssertionError("Unparseable token response", e);
        }
    }

    /** The tokens of a successful response; fails the test with the OAuth error otherwise. */
    public static OIDCTokenResponse success(TokenResponse response) {
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            throw new AssertionError("Token request failed: " + error.getCode() + " " + error.getDescription());
        }
        return (OIDCTokenResponse) response.toSuccessResponse();
    }

    /** Validates signature (against the realm's JWKS), issuer, audience, expiry and nonce. */
    public IDTokenClaimsSet validateIdToken(JWT idToken, Nonce nonce) {
        try {
            IDTokenValidator validator = new IDTokenValidator(
                    metadata.getIssuer(), clientId, JWSAlgorithm.RS256, metadata.getJWKSetURI().toURL());
            return validator.validate(idToken, nonce);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (BadJOSEException | JOSEException e) {
            throw new AssertionError("ID token rejected: " + e.getMessage(), e);
        }
    }

    /** The access token's claims after checking its signature against the realm's JWKS and its issuer (no sub: lightweight tokens have none). */
    public JWTClaimsSet accessTokenClaims(OIDCTokenResponse response) {
        try {
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            // Keycloak types its access tokens "at+jwt" (RFC 9068) when asked to; accept both.
            processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                    JWKSourceBuilder.create(metadata.getJWKSetURI().toURL()).build()));
            processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                    new JWTClaimsSet.Builder().issuer(metadata.getIssuer().getValue()).build(), Set.of("exp", "iat")));
            return processor.process(response.getOIDCTokens().getAccessToken().getValue(), null);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (java.text.ParseException | BadJOSEException | JOSEException e) {
            throw new AssertionError("Access token rejected: " + e.getMessage(), e);
        }
    }

    static OIDCProviderMetadata discover(URI issuer) {
        try {
            return OIDCProviderMetadata.resolve(new Issuer(issuer));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not fetch the OpenID configuration of " + issuer, e);
        } catch (Exception e) {
            throw new IllegalStateException("Bad OpenID configuration at " + issuer, e);
        }
    }

    /** The browser's redirect back to the client and the code it carried. */
    public record SignIn(URI redirect, AuthorizationCode code) {
    }

    /** One authorization request and the secrets the client keeps until the code comes back. */
    public record Authorization(URI requestUri, URI redirectUri, State state, Nonce nonce, CodeVerifier verifier) {
    }
}
