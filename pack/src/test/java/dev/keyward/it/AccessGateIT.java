package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;

import dev.keyward.testing.BaselineMode;
import dev.keyward.testing.Browser;
import dev.keyward.testing.CompatibilitySubset;
import dev.keyward.testing.KeycloakServer;
import dev.keyward.testing.OidcClient;
import dev.keyward.testing.ThrowawayRealm;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client access gate in a browser flow: who gets in, who is turned away and how, and who is not gated. */
@CompatibilitySubset
@BaselineMode("enforce")
class AccessGateIT {

    @RegisterExtension
    static final ThrowawayRealm REALM = ThrowawayRealm.from("/realms/gate.json");

    private static final URI GATED = URI.create("https://gated.example/cb");
    private static final URI OPEN = URI.create("https://open.example/cb");
    private static final Scope OPENID = new Scope("openid");

    private KeycloakServer server;

    @BeforeEach
    void connect(KeycloakServer server) {
        this.server = server;
    }

    @Test
    void aUserWithTheAccessRoleThroughAGroupGetsIn() {
        OidcClient gated = OidcClient.publicClient(REALM.issuer(), "gated-app", GATED);

        OidcClient.success(gated.signInForTokens(server.baseUrl(), OPENID, "erin", "erin"));
    }

    @Test
    void aUserWithoutItSeesWhyAndTheClientGetsAccessDenied() throws IOException {
        OidcClient gated = OidcClient.publicClient(REALM.issuer(), "gated-app", GATED);
        OidcClient.Authorization authorization = gated.authorize(OPENID);

        try (Browser browser = new Browser(server.baseUrl())) {
            Browser.Outcome denied = browser.openLogin(authorization.requestUri()).signIn("frank", "frank");

            assertThat(denied.redirect()).isNull();
            assertThat(denied.page().getWebResponse().getStatusCode()).isEqualTo(403);
            HtmlPage page = (HtmlPage) denied.page();
            assertThat(page.asNormalizedText())
                    .contains("You do not have access to this application")
                    .contains("Your account may not use Gated App.");

            HtmlElement back = page.getHtmlElementById("keyward-back-to-application");
            URI redirect = browser.follow(back.click()).redirectOrFail();
            AuthenticationErrorResponse error = gated.parseRedirect(redirect).toErrorResponse();
            assertThat(error.getErrorObject().getCode()).isEqualTo("access_denied");
            assertThat(error.getState()).isEqualTo(authorization.state());
            assertThat(error.getIssuer()).isEqualTo(gated.metadata().getIssuer());
        }
        JsonNode event = server.admin().get("realms/" + REALM.name() + "/events?type=LOGIN_ERROR&client=gated-app&max=5").get(0);
        assertThat(event.path("error").asText()).isEqualTo("access_denied");
        assertThat(event.path("details").path("keyward_access_role").asText()).isEqualTo("gated-app.access");
    }

    @Test
    void theGateAlsoHoldsForAnSsoSessionFromAnotherApp() {
        OidcClient open = OidcClient.publicClient(REALM.issuer(), "open-app", OPEN);
        OidcClient gated = OidcClient.publicClient(REALM.issuer(), "gated-app", GATED);

        try (Browser browser = new Browser(server.baseUrl())) {
            OidcClient.success(open.signInForTokens(browser, open.authorize(OPENID), "frank", "frank"));

            Browser.Outcome sso = browser.navigate(gated.authorize(OPENID).requestUri());

            assertThat(sso.redirect()).as("no code through the SSO cookie").isNull();
            assertThat(sso.page().getWebResponse().getStatusCode()).isEqualTo(403);
        }
    }

    @Test
    void aClientWithoutTheAccessRoleIsNotGated() {
        OidcClient open = OidcClient.publicClient(REALM.issuer(), "open-app", OPEN);

        OidcClient.success(open.signInForTokens(server.baseUrl(), OPENID, "frank", "frank"));
    }

    @Test
    void theDenialSpeaksGerman() {
        OidcClient gated = OidcClient.publicClient(REALM.issuer(), "gated-app", GATED);
        URI request = URI.create(gated.authorize(OPENID).requestUri() + "&ui_locales=de");

        try (Browser browser = new Browser(server.baseUrl())) {
            Browser.Outcome denied = browser.openLogin(request).signIn("frank", "frank");

            assertThat(((HtmlPage) denied.page()).asNormalizedText())
                    .contains("Sie haben keinen Zugriff auf diese Anwendung")
                    .contains("Zurück zur Anwendung");
        }
    }
}
