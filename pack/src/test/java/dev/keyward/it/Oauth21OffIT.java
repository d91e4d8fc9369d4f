package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;

import dev.keyward.testing.BaselineMode;
import dev.keyward.testing.AdminClient;
import dev.keyward.testing.Browser;
import dev.keyward.testing.KeycloakServer;
import dev.keyward.testing.KeywardEvents;
import dev.keyward.testing.OidcClient;
import dev.keyward.testing.ThrowawayRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every rule off ({@code --spi-client-policy-executor--keyward-oauth21--mode=off}, set by the
 * Failsafe execution {@code off-mode}): Keycloak behaves as without Keyward and no Keyward event
 * is stored. A realm can still switch one rule on for itself. The same server forbids
 * exemptions ({@code exemption-max-days=0}).
 */
@Tag("off-mode")
@BaselineMode("off")
class Oauth21OffIT {

    @RegisterExtension
    static final ThrowawayRealm REALM = ThrowawayRealm.from("/realms/oauth21.json");
    @RegisterExtension
    static final ThrowawayRealm NO_PASSWORD_REALM = ThrowawayRealm.from("/realms/oauth21-no-password.json");

    private static final URI APP = URI.create("https://app.example/cb");

    private KeycloakServer server;


    @BeforeEach
    void connect(KeycloakServer server) {
        this.server = server;
    }

    @AfterEach
    void noKeywardEventWasStored() {
        assertThat(new KeywardEvents(server.admin(), REALM.name()).all()).isEmpty();
    }

    @Test
    void pkceRequiredOffLetsACodeFlowWithoutPkceThrough() {
        OidcClient client = OidcClient.publicClient(REALM.issuer(), "public-app", APP);
        try (Browser browser = new Browser(server.baseUrl())) {
            browser.openLogin(client.customAuthorization(ResponseType.CODE, APP, builder -> builder));
        }
    }

    @Test
    void singleUseChallengeOffLetsAChallengeRepeat() {
        OidcClient client = OidcClient.publicClient(REALM.issuer(), "public-app", APP);
        CodeVerifier verifier = new CodeVerifier();
        try (Browser browser = new Browser(server.baseUrl())) {
            for (int i = 0; i < 2; i++) {
                browser.openLogin(client.customAuthorization(ResponseType.CODE, APP,
                        builder -> builder.codeChallenge(verifier, CodeChallengeMethod.S256)));
            }
        }
    }

    @Test
    void exactRedirectUriOffLeavesKeycloaksPrefixMatching() {
        OidcClient legacy = OidcClient.publicClient(REALM.issuer(), "legacy-wildcard", URI.create("https://legacy.example/cbevil"));
        try (Browser browser = new Browser(server.baseUrl())) {
            browser.openLogin(legacy.authorize(new Scope("openid")).requestUri());
        }
        ObjectNode client = JsonNodeFactory.instance.objectNode().put("clientId", "off-wildcard").put("publicClient", true);
        client.putArray("redirectUris").add("https://app.example/*");
        AdminClient.expect(201, server.admin().post("realms/" + REALM.name() + "/clients", client));
    }

    @Test
    void noImplicitOrHybridOffIssuesTheToken() {
        URI callback = URI.create("https://implicit.example/cb");
        OidcClient client = OidcClient.publicClient(REALM.issuer(), "implicit-app", callback);
        URI request = client.customAuthorization(new ResponseType("token"), callback,
                builder -> builder.customParameter("nonce", "n-0S6_WzA2Mj"));
        try (Browser browser = new Browser(server.baseUrl())) {
            AuthenticationResponse response = client.parseRedirect(browser.openLogin(request).signIn("carol", "carol").redirectOrFail());
            assertThat(response.toSuccessResponse().getAccessToken()).isNotNull();
        }
    }

    @Test
    void refreshTokenRotationOffLetsARefreshTokenBeReused() {
        OidcClient client = OidcClient.publicClient(REALM.issuer(), "public-app", APP);
        RefreshToken first = client.signInForTokens(server.baseUrl(), new Scope("openid"), "carol", "carol").getOIDCTokens().getRefreshToken();

        OidcClient.success(client.token(new RefreshTokenGrant(first)));
        OidcClient.success(client.token(new RefreshTokenGrant(first)));
    }

    @Test
    void aServerCanForbidExemptionsEntirely() {
        HttpResponse<String> refused = server.admin().put("realms/" + REALM.name() + "/keyward-oauth21/exemptions", Map.of(
                "clientId", "public-app", "rule", "pkce-required", "reason", "r", "expires", "2099-01-01"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(AdminClient.json(refused).path("errorMessage").asText()).isEqualTo("exemptions are disabled on this server (exemption-max-days=0)");
    }

    @Test
    void truthfulMetadataOffLeavesTheDocumentAsKeycloakServesIt() {
        OidcClient client = OidcClient.publicClient(REALM.issuer(), "public-app", APP);

        assertThat(client.metadata().getCodeChallengeMethods()).contains(CodeChallengeMethod.PLAIN);
        assertThat(client.metadata().getResponseTypes()).extracting(Object::toString).contains("token");
    }

    @Test
    void noPasswordGrantOffIssuesTheTokenButARealmCanSwitchTheRuleOnForItself() {
        OidcClient here = OidcClient.confidentialClient(REALM.issuer(), "password-app", "password-secret", APP);
        OidcClient.success(here.token(new ResourceOwnerPasswordCredentialsGrant("carol", new Secret("carol"))));

        OidcClient strict = OidcClient.confidentialClient(NO_PASSWORD_REALM.issuer(), "password-app", "password-secret", APP);
        TokenResponse refused = strict.token(new ResourceOwnerPasswordCredentialsGrant("dave", new Secret("dave")));

        assertThat(refused.toErrorResponse().getErrorObject().getCode()).isEqualTo("unsupported_grant_type");
        // Only that rule: the same realm still lets a code flow without PKCE through.
        try (Browser browser = new Browser(server.baseUrl())) {
            browser.openLogin(strict.customAuthorization(ResponseType.CODE, APP, builder -> builder));
        }
    }
}
