package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.Secret;

import dev.keyward.testing.AdminClient;
import dev.keyward.testing.BaselineMode;
import dev.keyward.testing.Browser;
import dev.keyward.testing.FapiClient;
import dev.keyward.testing.KeycloakServer;
import dev.keyward.testing.ThrowawayRealm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keyward's {@code fapi2} side by side with Keycloak's own {@code fapi-2-dpop-security-profile}, on the same server:
 * one realm runs Keycloak's profile in a client policy for every client, the other is raised to Keyward's fapi2 and
 * enforces it. The server's own mode is report, so Keyward refuses nothing in Keycloak's realm and what happens there
 * is Keycloak's profile alone. Each test is one row of docs/fapi2.md's comparison.
 */
@Tag("report-mode")
@BaselineMode("report")
class Fapi2ProfilesSideBySideIT {

    @RegisterExtension
    static final ThrowawayRealm KEYCLOAKS = ThrowawayRealm.from("/realms/keycloak-fapi2.json");
    @RegisterExtension
    static final ThrowawayRealm KEYWARDS = ThrowawayRealm.from("/realms/fapi2.json");

    private static final URI APP = URI.create("https://bank.example/cb");
    private static final Scope OPENID = new Scope("openid");
    /** Keyward's realm enforcing OAuth 2.1 and FAPI 2.0, and reporting (the server's mode) while a test registers clients. */
    private static final Map<String, String> ENFORCING = Map.of("keyward.oauth21.mode", "enforce", "keyward.fapi2.mode", "enforce");
    private static final Map<String, String> REPORTING = Map.of("keyward.oauth21.mode", "", "keyward.fapi2.mode", "");

    private KeycloakServer server;
    private AdminClient admin;

    @BeforeEach
    void connect(KeycloakServer server) {
        this.server = server;
        this.admin = server.admin();
        realmAttributes(KEYWARDS, ENFORCING);
    }

    @Test
    void bothRefuseAClientThatAuthenticatesWithASecret() {
        for (ThrowawayRealm realm : new ThrowawayRealm[] {KEYCLOAKS, KEYWARDS}) {
            FapiClient secret = FapiClient.generate(realm.issuer(), "secret-" + realm.name(), APP);
            HttpResponse<String> created = admin.post("realms/" + realm.name() + "/clients",
                    secret.registration(Map.of(), Map.of("clientAuthenticatorType", "client-secret")));
            assertThat(created.statusCode()).as(realm.name()).isEqualTo(400);
        }
    }

    @Test
    void bothRefuseARequestThatWasNotPushedKeycloakOnAnErrorPage() {
        FapiClient atKeycloak = create(KEYCLOAKS, "front", Map.of("require.pushed.authorization.requests", "false"));
        Browser.Outcome keycloaks = frontChannel(atKeycloak.notPushed(OPENID));
        assertThat(keycloaks.redirect()).as("Keycloak's secure-par-content: an error page, nothing for the client").isNull();
        assertThat(keycloaks.loginForm()).isFalse();

        realmAttributes(KEYWARDS, REPORTING);
        FapiClient atKeyward = create(KEYWARDS, "front", Map.of("require.pushed.authorization.requests", "false"));
        realmAttributes(KEYWARDS, ENFORCING);
        Browser.Outcome keywards = frontChannel(atKeyward.notPushed(OPENID));
        assertThat(keywards.redirect()).as("Keyward: the error goes back to the client's redirect URI").isNotNull();
        assertThat(keywards.redirect().getQuery()).contains("error=invalid_request").contains("fapi2-pushed-requests");
    }

    @Test
    void bothRefuseThePasswordGrantKeycloakOnlyThroughTheConsentItForces() {
        FapiClient atKeycloak = create(KEYCLOAKS, "password", Map.of());
        directAccessGrants(KEYCLOAKS, "password");
        TokenResponse keycloaks = password(atKeycloak);
        assertThat(keycloaks.indicatesSuccess()).isFalse();
        assertThat(keycloaks.toErrorResponse().getErrorObject().getDescription()).as("no reject-ropc-grant executor: the consent-required"
                + " executor's auto-configured consent is what Keycloak refuses").contains("consent");

        realmAttributes(KEYWARDS, REPORTING);
        FapiClient atKeyward = create(KEYWARDS, "password", Map.of());
        directAccessGrants(KEYWARDS, "password");
        realmAttributes(KEYWARDS, ENFORCING);
        TokenResponse keywards = password(atKeyward);
        assertThat(keywards.indicatesSuccess()).isFalse();
        assertThat(keywards.toErrorResponse().getErrorObject().getDescription()).startsWith("Keyward rule no-password-grant:");
    }

    @Test
    void onlyKeywardJudgesTheRealmsCodeLifespan() {
        FapiClient atKeycloak = create(KEYCLOAKS, "slow-codes", Map.of());
        realmAttributes(KEYWARDS, REPORTING);
        FapiClient atKeyward = create(KEYWARDS, "slow-codes", Map.of());
        realmAttributes(KEYWARDS, ENFORCING);
        for (ThrowawayRealm realm : new ThrowawayRealm[] {KEYCLOAKS, KEYWARDS}) {
            admin.updateRealm(realm.name(), Map.of("accessCodeLifespan", 600), Map.of());
        }
        try {
            assertThat(atKeycloak.push(OPENID, true, true).response().indicatesSuccess()).as("Keycloak's profile: codes may live 10 minutes").isTrue();
            FapiClient.Pushed refused = atKeyward.push(OPENID, true, true);
            assertThat(refused.response().indicatesSuccess()).as("Keyward: fapi2-short-lived-codes refuses the client's requests").isFalse();
            assertThat(refused.response().toErrorResponse().getErrorObject().getDescription()).startsWith("Keyward rule fapi2-short-lived-codes:");
        } finally {
            for (ThrowawayRealm realm : new ThrowawayRealm[] {KEYCLOAKS, KEYWARDS}) {
                admin.updateRealm(realm.name(), Map.of("accessCodeLifespan", 60), Map.of());
            }
        }
    }

    @Test
    void keycloakRewritesARegistrationSilentlyKeywardStoresItAndSaysWhatToFix() {
        create(KEYCLOAKS, "as-sent", Map.of("dpop.bound.access.tokens", "false"));
        JsonNode atKeycloak = admin.get("realms/" + KEYCLOAKS.name() + "/clients?clientId=as-sent").get(0);
        assertThat(atKeycloak.path("attributes").path("dpop.bound.access.tokens").asText()).as("auto-configured by dpop-bind-enforcer").isEqualTo("true");
        assertThat(atKeycloak.path("consentRequired").asBoolean()).as("auto-configured by consent-required").isTrue();

        realmAttributes(KEYWARDS, REPORTING);
        create(KEYWARDS, "as-sent", Map.of("dpop.bound.access.tokens", "false"));
        JsonNode atKeyward = admin.get("realms/" + KEYWARDS.name() + "/clients?clientId=as-sent").get(0);
        assertThat(atKeyward.path("attributes").path("dpop.bound.access.tokens").asText()).as("stored as sent").isEqualTo("false");
        JsonNode finding = admin.get("realms/" + KEYWARDS.name() + "/keyward-oauth21/compliance?client=as-sent").path("clients").get(0)
                .path("findings").get(0);
        assertThat(finding.path("rule").asText()).isEqualTo("fapi2-sender-constrained-tokens");
        assertThat(finding.path("fixValue").asText()).as("one click, recorded as an admin event").isEqualTo("true");
    }

    private FapiClient create(ThrowawayRealm realm, String clientId, Map<String, String> attributes) {
        FapiClient client = FapiClient.generate(realm.issuer(), clientId, APP);
        AdminClient.expect(201, admin.post("realms/" + realm.name() + "/clients", client.registration(attributes, Map.of())));
        return client;
    }

    private void directAccessGrants(ThrowawayRealm realm, String clientId) {
        String id = admin.get("realms/" + realm.name() + "/clients?clientId=" + clientId).get(0).path("id").asText();
        AdminClient.expect(204, admin.put("realms/" + realm.name() + "/clients/" + id, Map.of("clientId", clientId, "directAccessGrantsEnabled", true)));
    }

    private static TokenResponse password(FapiClient client) {
        return client.token(new ResourceOwnerPasswordCredentialsGrant("fay", new Secret("fay")), client.assertion(), true);
    }

    private Browser.Outcome frontChannel(URI request) {
        try (Browser browser = new Browser(server.baseUrl())) {
            return browser.navigate(request);
        }
    }

    private void realmAttributes(ThrowawayRealm realm, Map<String, String> attributes) {
        admin.updateRealm(realm.name(), Map.of(), attributes);
    }
}
