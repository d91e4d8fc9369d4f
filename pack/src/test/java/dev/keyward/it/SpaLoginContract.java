package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;

import dev.keyward.testing.Browser;
import dev.keyward.testing.LoginPage;
import dev.keyward.testing.OidcClient;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end login of the demo realm's {@code spa} client: authorization code with PKCE
 * S256, driven by Nimbus (protocol) and HtmlUnit (login form). Runs against the local
 * distribution ({@link SpaLoginIT}) and, where Docker runs, against a container.
 */
abstract class SpaLoginContract {

    static final URI SPA_REDIRECT = URI.create("http://127.0.0.1:5173/callback");
    static final Scope SCOPE = new Scope("openid", "profile", "email");

    /** Keycloak's base URL, e.g. http://localhost:18080. */
    abstract URI keycloak();

    private OidcClient spa() {
        return OidcClient.publicClient(URI.create(keycloak() + "/realms/acme"), "spa", SPA_REDIRECT);
    }

    @Test
    void aliceSignsInWithAuthorizationCodeAndPkce() {
        OidcClient spa = spa();
        OidcClient.Authorization authorization = spa.authorize(SCOPE);

        try (Browser browser = new Browser(keycloak())) {
            OidcClient.SignIn signIn = spa.signIn(browser, authorization, "alice", "alice");

            OIDCTokenResponse tokens = OidcClient.success(spa.redeem(signIn.code(), SPA_REDIRECT, authorization.verifier()));
            IDTokenClaimsSet idToken = spa.validateIdToken(tokens.getOIDCTokens().getIDToken(), authorization.nonce());

            assertThat(signIn.redirect().toString()).startsWith(SPA_REDIRECT + "?");
            assertThat(idToken.getIssuer().getValue()).isEqualTo(keycloak() + "/realms/acme");
            assertThat(idToken.getAudience()).extracting(a -> a.getValue()).containsExactly("spa");
            assertThat(idToken.getStringClaim("azp")).isEqualTo("spa");
            assertThat(idToken.getStringClaim("preferred_username")).isEqualTo("alice");
            assertThat(idToken.getStringClaim("email")).isEqualTo("alice@acme.example");
            assertThat(idToken.getBooleanClaim("email_verified")).isTrue();
            assertThat(idToken.getStringClaim("name")).isEqualTo("Alice Liddell");
            assertThat(tokens.getOIDCTokens().getAccessToken().getScope().toStringList())
                    .contains("openid", "profile", "email");
            assertThat(tokens.getOIDCTokens().getRefreshToken()).isNotNull();
        }
    }

    @Test
    void aWrongCodeVerifierGetsInvalidGrant() {
        OidcClient spa = spa();
        OidcClient.Authorization authorization = spa.authorize(SCOPE);

        try (Browser browser = new Browser(keycloak())) {
            AuthorizationCode code = spa.signIn(browser, authorization, "alice", "alice").code();

            TokenResponse response = spa.redeem(code, SPA_REDIRECT, new CodeVerifier());

            assertThat(response.indicatesSuccess()).isFalse();
            assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo(OAuth2Error.INVALID_GRANT.getCode());
        }
    }

    @Test
    void aWrongPasswordStaysOnTheLoginPageWithAnError() {
        OidcClient spa = spa();
        OidcClient.Authorization authorization = spa.authorize(SCOPE);

        try (Browser browser = new Browser(keycloak())) {
            Browser.Outcome outcome = browser.openLogin(authorization.requestUri()).signIn("alice", "not-her-password");

            assertThat(outcome.redirect()).as("no redirect to the client").isNull();
            assertThat(outcome.page().getWebResponse().getStatusCode()).isEqualTo(200);
            LoginPage again = LoginPage.of(browser, outcome);
            assertThat(again.fieldError()).isEqualTo("Invalid username or password.");

            // The same login page still works with the right password.
            URI redirect = again.signIn("alice", "alice").redirectOrFail();
            assertThat(spa.codeFrom(redirect, authorization)).isNotNull();
        }
    }
}
