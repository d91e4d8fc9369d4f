package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;

import dev.keyward.testing.BaselineMode;
import dev.keyward.testing.AdminClient;
import dev.keyward.testing.Browser;
import dev.keyward.testing.ConsentScreen;
import dev.keyward.testing.KeycloakServer;
import dev.keyward.testing.OidcClient;
import dev.keyward.testing.SampleTokens;
import dev.keyward.testing.TermsScreen;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo realm {@code acme} from realm-exports/, imported at startup, does what the README promises. */
@BaselineMode("enforce")
class DemoRealmIT {

    private static final Scope OPENID = new Scope("openid");

    private KeycloakServer server;
    private URI acme;

    @BeforeEach
    void connect(KeycloakServer server) {
        this.server = server;
        this.acme = server.issuer("acme");
    }

    @Test
    void aliceSignsInToTheAccountConsole() {
        URI accountConsole = URI.create(acme + "/account/");
        OidcClient account = OidcClient.publicClient(acme, "account-console", accountConsole);
        OidcClient.Authorization authorization = account.authorize(OPENID);

        try (Browser browser = new Browser(server.baseUrl())) {
            OidcClient.SignIn signIn = account.signIn(browser, authorization, "alice", "alice");
            OIDCTokenResponse tokens = OidcClient.success(account.redeem(signIn.code(), accountConsole, authorization.verifier()));

            assertThat(account.validateIdToken(tokens.getOIDCTokens().getIDToken(), authorization.nonce())
                    .getStringClaim("preferred_username")).isEqualTo("alice");
            // The account console's own page then loads for her.
            assertThat(browser.navigate(signIn.redirect()).page().getWebResponse().getStatusCode()).isEqualTo(200);
        }
    }

    @Test
    void bobSignsInToTheNativeAppOnAnyLoopbackPort() {
        URI loopback = URI.create("http://127.0.0.1:49731/callback");
        OidcClient nativeApp = OidcClient.publicClient(acme, "native", loopback);
        OidcClient.Authorization authorization = nativeApp.authorize(OPENID);

        try (Browser browser = new Browser(server.baseUrl())) {
            OidcClient.SignIn signIn = nativeApp.signIn(browser, authorization, "bob", "bob");
            OIDCTokenResponse tokens = OidcClient.success(nativeApp.redeem(signIn.code(), loopback, authorization.verifier()));

            assertThat(signIn.redirect().toString()).startsWith(loopback + "?");
            assertThat(nativeApp.validateIdToken(tokens.getOIDCTokens().getIDToken(), authorization.nonce())
                    .getStringClaim("preferred_username")).isEqualTo("bob");
        }
    }

    @Test
    void theNativeAppAlsoUsesItsPrivateUseScheme() {
        URI privateUse = URI.create("com.example.native:/callback");
        OidcClient nativeApp = OidcClient.publicClient(acme, "native", privateUse);
        OidcClient.Authorization authorization = nativeApp.authorize(OPENID);

        try (Browser browser = new Browser(server.baseUrl())) {
            OidcClient.SignIn signIn = nativeApp.signIn(browser, authorization, "bob", "bob");

            assertThat(signIn.redirect().getScheme()).isEqualTo("com.example.native");
            assertThat(OidcClient.success(nativeApp.redeem(signIn.code(), privateUse, authorization.verifier()))
                    .getOIDCTokens().getAccessToken()).isNotNull();
        }
    }

    @Test
    void theWebAppRedeemsItsCodeWithItsSecret() {
        URI callback = URI.create("https://web.acme.example/callback");
        OidcClient web = OidcClient.confidentialClient(acme, "web", "web-demo-secret", callback);
        OidcClient.Authorization authorization = web.authorize(OPENID);

        try (Browser browser = new Browser(server.baseUrl())) {
            OIDCTokenResponse tokens = web.signInForTokens(browser, authorization, "alice", "alice");

            IDTokenClaimsSet idToken = web.validateIdToken(tokens.getOIDCTokens().getIDToken(), authorization.nonce());
            assertThat(idToken.getStringClaim("preferred_username")).isEqualTo("alice");
        }
    }

    @Test
    void theSpaGetsAlicesFilteredRolesAndGroupsInOneClaim() {
        URI callback = URI.create("http://127.0.0.1:5173/callback");
        OidcClient spa = OidcClient.publicClient(acme, "spa", callback);

        JWTClaimsSet access = spa.accessTokenClaims(spa.signInForTokens(server.baseUrl(), OPENID, "alice", "alice"));

        assertThat(access.getClaim("access")).isEqualTo(Map.of("realm", List.of("editor"), "web", List.of("access"), "groups", List.of("/staff")));
        SampleTokens.save("spa-access-token", access);
    }

    @Test
    void theWebAppGetsHasuraClaimsFromTheTemplate() {
        URI callback = URI.create("https://web.acme.example/callback");
        OidcClient web = OidcClient.confidentialClient(acme, "web", "web-demo-secret", callback);

        JWTClaimsSet access = web.accessTokenClaims(web.signInForTokens(server.baseUrl(), OPENID, "alice", "alice"));

        @SuppressWarnings("unchecked")
        Map<String, Object> hasura = (Map<String, Object>) access.getClaim("https://hasura.io/jwt/claims");
        assertThat(hasura).containsEntry("x-hasura-default-role", "editor")
                .containsEntry("x-hasura-user-id", access.getSubject())
                .containsEntry("x-hasura-org", "acme");
        // The realm roles Keycloak grants this token, as its own realm_access lists them.
        @SuppressWarnings("unchecked")
        List<String> realmAccess = (List<String>) ((Map<String, Object>) access.getClaim("realm_access")).get("roles");
        assertThat(hasura.get("x-hasura-allowed-roles")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .contains("acme-editor").containsExactlyInAnyOrderElementsOf(realmAccess);
        SampleTokens.save("web-access-token", access);
    }

    @Test
    void theServicesAudienceFollowsTheResourceItAsksFor() {
        OidcClient service = OidcClient.confidentialClient(acme, "service", "service-demo-secret", URI.create("https://unused.example/"));
        URI billing = URI.create("https://api.acme.example/billing");

        JWTClaimsSet forBilling = service.accessTokenClaims(OidcClient.success(service.token(new ClientCredentialsGrant(), null, List.of(billing))));
        assertThat(forBilling.getAudience()).containsExactly(billing.toString());
        assertThat(service.accessTokenClaims(OidcClient.success(service.clientCredentials(null))).getAudience())
                .as("no resource: the default").containsExactly("https://api.acme.example/orders");
        assertThat(service.token(new ClientCredentialsGrant(), null, List.of(URI.create("https://api.acme.example/admin")))
                .toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_target");
        SampleTokens.save("service-access-token-billing", forBilling);
    }

    @Test
    void theLoginPagesUseKeywardsThemeWithAcmesBrand() throws Exception {
        OidcClient spa = OidcClient.publicClient(acme, "spa", URI.create("http://127.0.0.1:5173/callback"));
        try (Browser browser = new Browser(server.baseUrl())) {
            String html = browser.openLogin(spa.authorize(OPENID).requestUri()).page().getWebResponse().getContentAsString();

            assertThat(html).contains("/login/keyward/css/keyward.css", "/realms/acme/keyward-brand/brand.css");
        }
        java.net.http.HttpResponse<String> css = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(server.baseUrl().resolve("/realms/acme/keyward-brand/brand.css")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(css.body()).contains("--keyward-primary: #0b6e4f;", "--keyward-accent: #b3541e;");
    }

    @Test
    void bobIsTurnedAwayFromTheWebAppByTheAccessGate() {
        URI callback = URI.create("https://web.acme.example/callback");
        OidcClient web = OidcClient.confidentialClient(acme, "web", "web-demo-secret", callback);

        try (Browser browser = new Browser(server.baseUrl())) {
            Browser.Outcome denied = browser.openLogin(web.authorize(OPENID).requestUri()).signIn("bob", "bob");

            assertThat(denied.redirect()).isNull();
            assertThat(denied.page().getWebResponse().getStatusCode()).isEqualTo(403);
        }
    }

    @Test
    void theServiceGetsATokenWithClientCredentialsAndNoBrowserLogin() {
        OidcClient service = OidcClient.confidentialClient(acme, "service", "service-demo-secret", URI.create("https://unused.example/"));

        OIDCTokenResponse tokens = OidcClient.success(service.clientCredentials(null));
        assertThat(tokens.getOIDCTokens().getAccessToken()).isNotNull();

        // Its browser flow is closed: Keycloak answers on an error page and never redirects.
        try (Browser browser = new Browser(server.baseUrl())) {
            Browser.Outcome outcome = browser.navigate(service.authorize(OPENID).requestUri());
            assertThat(outcome.redirect()).isNull();
            assertThat(outcome.page().getWebResponse().getStatusCode()).isEqualTo(400);
        }
    }

    @Test
    void aNewUserChoosesWhatThePartnerPortalMayHaveThenAcceptsTheTerms(AdminClient admin) {
        // A fresh user, so the test also holds when run again against a long-lived demo (-Dkc.url).
        String username = "newcomer-" + UUID.randomUUID().toString().substring(0, 8);
        AdminClient.expect(201, admin.post("realms/acme/users", Map.of("username", username, "enabled", true,
                "email", username + "@acme.example", "emailVerified", true, "firstName", "New", "lastName", "Comer",
                "credentials", List.of(Map.of("type", "password", "value", "pw-" + username, "temporary", false)))));
        String userId = admin.userId("acme", username);
        URI callback = URI.create("http://127.0.0.1:5174/callback");
        OidcClient partner = OidcClient.publicClient(acme, "partner", callback);
        OidcClient.Authorization authorization = partner.authorize(new Scope("openid", "phone", "address"));

        try (Browser browser = new Browser(server.baseUrl())) {
            // Consent is a flow step, so it comes before required actions such as the terms.
            ConsentScreen consent = ConsentScreen.of(browser, browser.openLogin(authorization.requestUri()).signIn(username, "pw-" + username));
            assertThat(consent.text()).contains("ACME Partner Portal would like access to your account");
            assertThat(consent.optionalScopes()).containsExactly("phone", "address");

            TermsScreen terms = TermsScreen.of(browser, consent.untick("phone").allow());
            assertThat(terms.text()).contains("Version 2026-11", "Read the full terms");

            URI redirect = terms.accept().redirectOrFail();
            OIDCTokenResponse tokens = OidcClient.success(partner.redeem(partner.codeFrom(redirect, authorization), callback,
                    authorization.verifier()));
            assertThat(partner.accessTokenClaims(tokens).getStringClaim("scope").split(" ")).contains("address").doesNotContain("phone");
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        } finally {
            admin.delete("realms/acme/users/" + userId);
        }
    }

    @Test
    void theDemoUsersHaveCompleteProfilesAndTheDemoClientsTheirSettings(AdminClient admin) {
        for (String username : new String[] {"alice", "bob", "carol"}) {
            JsonNode user = admin.get("realms/acme/users?exact=true&username=" + username).get(0);
            assertThat(user.path("requiredActions")).isEmpty();
            assertThat(user.path("emailVerified").asBoolean()).isTrue();
            assertThat(user.path("firstName").asText()).isNotBlank();
            assertThat(user.path("lastName").asText()).isNotBlank();
        }

        JsonNode spa = client(admin, "spa");
        assertThat(spa.path("publicClient").asBoolean()).isTrue();
        assertThat(spa.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(spa.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(spa.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(spa.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");

        assertThat(client(admin, "web").path("publicClient").asBoolean()).isFalse();
        assertThat(client(admin, "native").path("redirectUris"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("http://127.0.0.1/callback", "com.example.native:/callback");
        JsonNode service = client(admin, "service");
        assertThat(service.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(service.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(service.path("directAccessGrantsEnabled").asBoolean()).isFalse();
    }

    private static JsonNode client(AdminClient admin, String clientId) {
        return admin.get("realms/acme/clients?clientId=" + clientId).get(0);
    }
}
