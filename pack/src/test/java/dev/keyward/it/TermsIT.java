package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;

import dev.keyward.testing.BaselineMode;
import dev.keyward.testing.AdminClient;
import dev.keyward.testing.Browser;
import dev.keyward.testing.CompatibilitySubset;
import dev.keyward.testing.KeycloakServer;
import dev.keyward.testing.KeywardEvents;
import dev.keyward.testing.LoginPage;
import dev.keyward.testing.OidcClient;
import dev.keyward.testing.TermsScreen;
import dev.keyward.testing.ThrowawayRealm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The versioned terms required action (realms/terms.json: enabled, unconfigured = version 1; the
 * realm's user profile shows the two keyward_terms_* attributes to admins).
 */
@CompatibilitySubset
@BaselineMode("enforce")
class TermsIT {

    @RegisterExtension
    static final ThrowawayRealm REALM = ThrowawayRealm.from("/realms/terms.json");

    private static final URI CALLBACK = URI.create("https://terms.example/cb");
    private static final Scope OPENID = new Scope("openid");

    private KeycloakServer server;
    private OidcClient app;
    private String configPath;

    @BeforeEach
    void connect(KeycloakServer server) {
        this.server = server;
        app = OidcClient.publicClient(REALM.issuer(), "terms-app", CALLBACK);
        configPath = "realms/" + REALM.name() + "/authentication/required-actions/keyward-terms/config";
    }

    @Test
    void acceptingOnceStoresTheVersionForAdminsAndABumpedVersionAsksAgain() {
        setVersion("1");
        try (Browser browser = new Browser(server.baseUrl())) {
            OidcClient.Authorization first = app.authorize(OPENID);
            TermsScreen terms = TermsScreen.of(browser, browser.openLogin(first.requestUri()).signIn("tina", "tina"));
            assertThat(terms.text()).contains("Terms of use", "Please read and accept the terms of use to continue.", "Version 1");

            OidcClient.success(app.redeem(app.codeFrom(terms.accept().redirectOrFail(), first), CALLBACK, first.verifier()));

            JsonNode tina = server.admin().get("realms/" + REALM.name() + "/users/" + server.admin().userId(REALM.name(), "tina"));
            assertThat(tina.path("attributes").path("keyward_terms_version").get(0).asText()).isEqualTo("1");
            Instant acceptedAt = Instant.parse(tina.path("attributes").path("keyward_terms_accepted_at").get(0).asText());
            assertThat(acceptedAt).isBetween(Instant.now().minus(Duration.ofMinutes(2)), Instant.now().plusSeconds(5));
            JsonNode accepted = new KeywardEvents(server.admin(), REALM.name()).latest("CUSTOM_REQUIRED_ACTION", "terms-app");
            assertThat(accepted.path("details").path("custom_required_action").asText()).isEqualTo("keyward-terms");
            assertThat(accepted.path("details").path("keyward_terms_version").asText()).isEqualTo("1");

            assertThat(browser.navigate(app.authorize(OPENID).requestUri()).redirect())
                    .as("same version: not asked again").isNotNull();

            setVersion("2026-11");
            OidcClient.Authorization bumped = app.authorize(OPENID);
            TermsScreen again = TermsScreen.of(browser, browser.navigate(bumped.requestUri()));
            assertThat(again.text()).contains("Version 2026-11");
            OidcClient.success(app.redeem(app.codeFrom(again.accept().redirectOrFail(), bumped), CALLBACK, bumped.verifier()));
        }
        JsonNode tina = server.admin().get("realms/" + REALM.name() + "/users/" + server.admin().userId(REALM.name(), "tina"));
        assertThat(tina.path("attributes").path("keyward_terms_version").get(0).asText()).isEqualTo("2026-11");
    }

    @Test
    void decliningEndsTheLoginWithAPageAndNoToken() {
        setVersion("1");
        OidcClient.Authorization authorization = app.authorize(OPENID);
        try (Browser browser = new Browser(server.baseUrl())) {
            TermsScreen declined = TermsScreen.of(browser, browser.openLogin(authorization.requestUri()).signIn("tom", "tom")).decline();

            assertThat(declined.status()).isEqualTo(403);
            assertThat(declined.text()).contains("You have not been signed in", "You declined the terms of use (version 1)");

            URI redirect = declined.backToApplication().redirectOrFail();
            AuthenticationErrorResponse error = app.parseRedirect(redirect).toErrorResponse();
            assertThat(error.getErrorObject().getCode()).isEqualTo("access_denied");
            assertThat(error.getState()).isEqualTo(authorization.state());
            assertThat(error.getIssuer()).isEqualTo(app.metadata().getIssuer());

            // No session either: the next authorization request meets the login form, not a code.
            LoginPage.of(browser, browser.navigate(app.authorize(OPENID).requestUri()));
        }
        JsonNode refusal = new KeywardEvents(server.admin(), REALM.name()).latest("CUSTOM_REQUIRED_ACTION_ERROR", "terms-app");
        assertThat(refusal.path("error").asText()).isEqualTo("rejected_by_user");
        assertThat(refusal.path("details").path("keyward_terms_version").asText()).isEqualTo("1");
        assertThat(server.admin().get("realms/" + REALM.name() + "/users/" + server.admin().userId(REALM.name(), "tom")).path("attributes").has("keyward_terms_version"))
                .isFalse();
    }

    @Test
    void anInvalidConfigIsRefusedWhenSavedAndTheOldOneStays() {
        setVersion("7");

        HttpResponse<String> refused = server.admin().put(configPath,
                Map.of("config", Map.of("terms-version", "8", "terms-url", "javascript:alert(1)")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("The terms URL must be an absolute http:// or https:// URL.");
        assertThat(server.admin().get(configPath).path("config").path("terms-version").asText()).isEqualTo("7");
    }

    private void setVersion(String version) {
        AdminClient.expect(204, server.admin().put(configPath, Map.of("config", Map.of("terms-version", version))));
    }

}
