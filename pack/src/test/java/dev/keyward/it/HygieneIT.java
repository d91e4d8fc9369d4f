package dev.keyward.it;

import static dev.keyward.testing.ComplianceReports.client;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.Scope;

import dev.keyward.testing.AdminClient;
import dev.keyward.testing.BaselineMode;
import dev.keyward.testing.Browser;
import dev.keyward.testing.CompatibilitySubset;
import dev.keyward.testing.KeycloakServer;
import dev.keyward.testing.OidcClient;
import dev.keyward.testing.ThrowawayRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client-hygiene rules against a real Keycloak whose server mode is enforce: each reports its client in the
 * compliance report and lets it work, a blanket enforce leaves them reporting, a mode set for the rule itself refuses
 * the client's requests and registrations that add the problem, exemptions let a client off, the one-click fix applies
 * the one safe value, and the gate names them when asked about enforcement.
 */
@CompatibilitySubset
@BaselineMode("enforce")
class HygieneIT {

    @RegisterExtension
    static final ThrowawayRealm REALM = ThrowawayRealm.from("/realms/hygiene.json");

    /** Each client of hygiene.json with the one rule it breaks. */
    private static final Map<String, String> BROKEN_BY = Map.of(
            "open-origins", "exact-web-origins",
            "logout-wildcard", "exact-post-logout-redirect-uri",
            "full-scope-spa", "limited-public-client-scope",
            "two-identities", "separate-service-account",
            "nowhere-to-go", "code-flow-needs-redirect-uri",
            "offline-by-default", "no-default-offline-access",
            "day-long-tokens", "short-lived-access-tokens");

    private KeycloakServer server;
    private AdminClient admin;
    private String report;

    @BeforeEach
    void connect(KeycloakServer server) {
        this.server = server;
        this.admin = server.admin();
        this.report = "realms/" + REALM.name() + "/keyward-oauth21/compliance";
    }

    @AfterEach
    void realmModesBack() {
        realmAttributes(Map.of("keyward.oauth21.mode", "", "keyward.oauth21.rule.exact-web-origins", "",
                "keyward.oauth21.rule.limited-public-client-scope", "", "keyward.oauth21.rule.short-lived-access-tokens", ""));
    }

    @Test
    void eachRuleReportsItsClientWhileTheServerEnforcesTheOAuth21Rules() {
        JsonNode json = admin.get(report);

        assertThat(json.path("modes").path("pkce-required").path("realm").asText()).isEqualTo("enforce");
        BROKEN_BY.forEach((clientId, rule) -> {
            assertThat(json.path("modes").path(rule).path("server").asText()).as(rule).isEqualTo("report");
            JsonNode client = client(json, clientId);
            List<JsonNode> hygiene = hygieneFindings(client);
            assertThat(hygiene).as(clientId).extracting(f -> f.path("rule").asText()).containsExactly(rule);
            JsonNode finding = hygiene.get(0);
            assertThat(finding.path("mode").asText()).isEqualTo("report");
            assertThat(finding.path("outcome").asText()).isEqualTo("reported");
            assertThat(finding.path("fix").asText()).as(clientId).isNotBlank();
            assertThat(client.path("verdict").asText()).as(clientId).isEqualTo("compliant");
            assertThat(client.path("verdictWhenEnforced").asText()).as(clientId).isEqualTo("breaks");
        });
        for (String tidy : List.of("tidy-spa", "keyward-console")) {
            assertThat(hygieneFindings(client(json, tidy))).as(tidy).isEmpty();
            assertThat(client(json, tidy).path("verdictWhenEnforced").asText()).as(tidy).isEqualTo("compliant");
        }
    }

    @Test
    void aRealmsBlanketEnforceLeavesThemReportingTheRulesOwnModeRefusesTheClientAndAnExemptionLetsItOff() {
        realmAttributes(Map.of("keyward.oauth21.mode", "enforce"));
        assertThat(signInError(openOrigins())).as("a blanket mode takes a hygiene rule only to report").isNull();

        realmAttributes(Map.of("keyward.oauth21.rule.exact-web-origins", "enforce"));
        ErrorObject refused = signInError(openOrigins());
        assertThat(refused).isNotNull();
        assertThat(refused.getCode()).isEqualTo("unauthorized_client");
        assertThat(refused.getDescription()).startsWith("Keyward rule exact-web-origins: the client's configuration breaks a rule:")
                .contains("web origin '*'");
        assertThat(signInError(tidySpa())).as("other clients are untouched").isNull();

        String exemptions = "realms/" + REALM.name() + "/keyward-oauth21/exemptions";
        AdminClient.expect(200, admin.put(exemptions, Map.of("clientId", "open-origins", "rule", "exact-web-origins",
                "reason", "partner widget on many origins, ticket WEB-9", "expires", Instant.now().plusSeconds(3600).toString())));
        try {
            assertThat(signInError(openOrigins())).as("exempted").isNull();
        } finally {
            AdminClient.expect(204, admin.delete(exemptions + "?clientId=open-origins&rule=exact-web-origins"));
        }
    }

    @Test
    void anEnforcedRuleRefusesARegistrationThatAddsTheProblemAndNoOther() {
        realmAttributes(Map.of("keyward.oauth21.rule.limited-public-client-scope", "enforce"));
        Map<String, Object> spa = Map.of("clientId", "new-spa", "publicClient", true, "redirectUris", List.of("https://new.example/cb"),
                "attributes", Map.of("pkce.code.challenge.method", "S256"));

        HttpResponse<String> refused = admin.post("realms/" + REALM.name() + "/clients", spa);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(AdminClient.json(refused).path("error_description").asText()).startsWith("Keyward rule limited-public-client-scope:");

        Map<String, Object> limited = new HashMap<>(spa);
        limited.put("fullScopeAllowed", false);
        AdminClient.expect(201, admin.post("realms/" + REALM.name() + "/clients", limited));
    }

    @Test
    void theOneClickFixSwitchesTheStandardFlowOffForAClientWithNowhereToSendCodes() {
        AdminClient.expect(201, admin.post("realms/" + REALM.name() + "/clients", Map.of("clientId", "forgotten", "publicClient", false,
                "standardFlowEnabled", true, "serviceAccountsEnabled", false)));
        JsonNode before = client(admin.get(report + "?client=forgotten"), "forgotten");
        JsonNode finding = before.path("findings").get(0);
        assertThat(finding.path("rule").asText()).isEqualTo("code-flow-needs-redirect-uri");
        assertThat(finding.path("fixValue").asText()).isEqualTo("false");

        JsonNode fixed = AdminClient.json(AdminClient.expect(200, admin.post(report + "/fixes", Map.of("clientId", "forgotten",
                "rule", "code-flow-needs-redirect-uri", "setting", "standardFlowEnabled", "version", before.path("version").asText()))));

        assertThat(fixed.path("after").asText()).isEqualTo("false");
        assertThat(client(admin.get(report + "?client=forgotten"), "forgotten").path("findings")).isEmpty();
        assertThat(admin.get("realms/" + REALM.name() + "/clients?clientId=forgotten").get(0).path("standardFlowEnabled").asBoolean()).isFalse();
    }

    @Test
    void theOneClickFixMakesOfflineAccessOptionalSoTheClientStillGetsItWhenItAsks() {
        JsonNode before = client(admin.get(report + "?client=offline-by-default"), "offline-by-default");
        JsonNode finding = hygieneFindings(before).get(0);
        assertThat(finding.path("setting").asText()).isEqualTo("defaultClientScopes");
        assertThat(finding.path("fixValue").asText()).isEqualTo("basic email profile roles");

        JsonNode fixed = AdminClient.json(AdminClient.expect(200, admin.post(report + "/fixes", Map.of("clientId", "offline-by-default",
                "rule", "no-default-offline-access", "setting", "defaultClientScopes", "version", before.path("version").asText()))));

        assertThat(fixed.path("after").asText()).isEqualTo("basic email profile roles");
        assertThat(hygieneFindings(client(admin.get(report + "?client=offline-by-default"), "offline-by-default"))).isEmpty();
        String id = admin.get("realms/" + REALM.name() + "/clients?clientId=offline-by-default").get(0).path("id").asText();
        assertThat(names(admin.get("realms/" + REALM.name() + "/clients/" + id + "/default-client-scopes"))).doesNotContain("offline_access");
        assertThat(names(admin.get("realms/" + REALM.name() + "/clients/" + id + "/optional-client-scopes"))).contains("offline_access");
    }

    @Test
    void aLongRealmLifespanIsTheFindingOfEachClientThatInheritsItAndEnforcedTheRuleRefusesItsRequests() {
        JsonNode realm = admin.get("realms/" + REALM.name());
        int lifespan = realm.path("accessTokenLifespan").asInt();
        assertThat(lifespan).as("Keycloak's default").isLessThanOrEqualTo(3600);
        AdminClient.expect(204, admin.put("realms/" + REALM.name(), Map.of("accessTokenLifespan", 7200)));
        try {
            JsonNode json = admin.get(report);
            JsonNode inherited = finding(client(json, "tidy-spa"), "short-lived-access-tokens");
            assertThat(inherited.path("value").asText()).isEqualTo("7200 (the realm's lifespan)");
            assertThat(inherited.path("fix").asText()).contains("Realm settings > Tokens");
            assertThat(finding(client(json, "day-long-tokens"), "short-lived-access-tokens").path("value").asText())
                    .as("its own lifespan").isEqualTo("86400");
        } finally {
            AdminClient.expect(204, admin.put("realms/" + REALM.name(), Map.of("accessTokenLifespan", lifespan)));
        }
        assertThat(finding(client(admin.get(report), "tidy-spa"), "short-lived-access-tokens")).isNull();

        realmAttributes(Map.of("keyward.oauth21.rule.short-lived-access-tokens", "enforce"));
        OidcClient dayLong = OidcClient.confidentialClient(REALM.issuer(), "day-long-tokens", "day-long-secret", URI.create("https://day.example/cb"));
        assertThat(signInError(dayLong)).isNotNull().satisfies(error -> assertThat(error.getDescription())
                .startsWith("Keyward rule short-lived-access-tokens:").contains("86400 seconds"));
        assertThat(signInError(tidySpa())).isNull();
    }

    @Test
    void theGateNamesThemWhenAskedAboutEnforcementAndPassesWhileTheyReport() {
        HttpResponse<String> now = AdminClient.expect(200, admin.get(report + "?format=gate&client=full-scope-spa", "text/plain"));
        assertThat(now.headers().firstValue("Keyward-Gate")).contains("pass");

        HttpResponse<String> enforced = AdminClient.expect(200,
                admin.get(report + "?format=gate&client=full-scope-spa&whenEnforced=true", "text/plain"));
        assertThat(enforced.headers().firstValue("Keyward-Gate")).contains("fail");
        assertThat(enforced.body()).contains("limited-public-client-scope", "fullScopeAllowed");
    }

    /** hygiene.json's confidential client whose web origins are {@code *}. */
    private static OidcClient openOrigins() {
        return OidcClient.confidentialClient(REALM.issuer(), "open-origins", "open-origins-secret", URI.create("https://open.example/cb"));
    }

    /** hygiene.json's public client with nothing to find. */
    private static OidcClient tidySpa() {
        return OidcClient.publicClient(REALM.issuer(), "tidy-spa", URI.create("https://tidy.example/cb"));
    }

    /** The error an authorization request of the client gets back, or null when Keycloak shows its login page. */
    private ErrorObject signInError(OidcClient client) {
        try (Browser browser = new Browser(server.baseUrl())) {
            Browser.Outcome outcome = browser.navigate(client.authorize(new Scope("openid")).requestUri());
            return outcome.redirect() == null ? null : client.parseRedirect(outcome.redirect()).toErrorResponse().getErrorObject();
        }
    }

    private void realmAttributes(Map<String, String> attributes) {
        admin.updateRealm(REALM.name(), Map.of(), attributes);
    }

    /** The client's finding of the rule, or null. */
    private static JsonNode finding(JsonNode client, String rule) {
        for (JsonNode finding : client.path("findings")) {
            if (finding.path("rule").asText().equals(rule)) {
                return finding;
            }
        }
        return null;
    }

    private static List<String> names(JsonNode scopes) {
        List<String> names = new ArrayList<>();
        scopes.forEach(scope -> names.add(scope.path("name").asText()));
        return names;
    }

    /** The client's findings of the hygiene rules (a public client also has refresh-token-rotation's, which changes nothing it sees). */
    private static List<JsonNode> hygieneFindings(JsonNode client) {
        List<JsonNode> hygiene = new ArrayList<>();
        client.path("findings").forEach(finding -> {
            if (BROKEN_BY.containsValue(finding.path("rule").asText())) {
                hygiene.add(finding);
            }
        });
        return hygiene;
    }
}
