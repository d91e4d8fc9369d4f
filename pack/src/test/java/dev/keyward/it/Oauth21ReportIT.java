package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;

import dev.keyward.testing.BaselineMode;
import dev.keyward.testing.AdminClient;
import dev.keyward.testing.Browser;
import dev.keyward.testing.CompatibilitySubset;
import dev.keyward.testing.KeycloakServer;
import dev.keyward.testing.KeywardEvents;
import dev.keyward.testing.OidcClient;
import dev.keyward.testing.ThrowawayRealm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every rule in report mode ({@code --spi-client-policy-executor--keyward-oauth21--mode=report},
 * set by the Failsafe execution {@code report-mode}): the request goes through, and the finding
 * is stored as an event (never as the request's error type), logged, and counted on the metrics endpoint. A realm can still make
 * itself stricter.
 */
@CompatibilitySubset
@Tag("report-mode")
@BaselineMode("report")
class Oauth21ReportIT {

    @RegisterExtension
    static final ThrowawayRealm REALM = ThrowawayRealm.from("/realms/oauth21.json");
    @RegisterExtension
    static final ThrowawayRealm STRICT_REALM = ThrowawayRealm.from("/realms/oauth21-strict.json");

    private static final URI APP = URI.create("https://app.example/cb");
    private static final Scope OPENID = new Scope("openid");

    private KeycloakServer server;
    private KeywardEvents events;


    @BeforeEach
    void connect(KeycloakServer server) {
        this.server = server;
        this.events = new KeywardEvents(server.admin(), REALM.name());
    }

    @Test
    void pkceRequiredReportsACodeFlowWithoutPkceAndLetsItFinishWithoutRecordingAFailure() {
        OidcClient client = OidcClient.publicClient(REALM.issuer(), "public-app", APP);
        URI request = client.customAuthorization(ResponseType.CODE, APP, builder -> builder);

        try (Browser browser = new Browser(server.baseUrl())) {
            URI redirect = browser.openLogin(request).signIn("carol", "carol").redirectOrFail();
            AuthorizationCode code = client.parseRedirect(redirect).toSuccessResponse().getAuthorizationCode();
            OidcClient.success(client.redeem(code, APP, null));
        }

        List<JsonNode> reported = events.reported("LOGIN", "public-app");
        assertThat(reported).anySatisfy(event -> {
            assertThat(event.path("details").path("keyward_rule").asText()).isEqualTo("pkce-required");
            assertThat(event.path("details").path("keyward_mode").asText()).isEqualTo("report");
            assertThat(event.path("details").path("keyward_outcome").asText()).isEqualTo("reported");
            assertThat(event.path("details").path("reason").asText()).contains("code_challenge is required");
        });
        assertThat(events.reported("CODE_TO_TOKEN", "public-app")).anySatisfy(event ->
                assertThat(event.path("details").path("reason").asText()).contains("code_verifier is required"));
        // The login worked: an operator's alert on failed logins or code exchanges must stay silent.
        for (String failure : List.of("LOGIN_ERROR", "CODE_TO_TOKEN_ERROR")) {
            assertThat(server.admin().get("realms/" + REALM.name() + "/events?type=" + failure + "&client=public-app")).as(failure).isEmpty();
        }
        assertThat(server.admin().get("realms/" + REALM.name() + "/events?type=LOGIN&client=public-app")).as("Keycloak's own login event")
                .isNotEmpty();
    }

    @Test
    void theTrendCountsTodaysReportedFindingsPerRule() {
        OidcClient client = OidcClient.publicClient(REALM.issuer(), "public-app", APP);
        try (Browser browser = new Browser(server.baseUrl())) {
            browser.openLogin(client.customAuthorization(ResponseType.CODE, APP, builder -> builder)).signIn("carol", "carol").redirectOrFail();
        }

        JsonNode trend = server.admin().get("realms/" + REALM.name() + "/keyward-oauth21/compliance/trend?windowDays=7");

        assertThat(trend.path("days")).hasSize(7);
        assertThat(trend.path("days").get(6).asText()).isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
        assertThat(trend.path("series")).anySatisfy(series -> {
            assertThat(series.path("rule").asText()).isEqualTo("pkce-required");
            assertThat(series.path("outcome").asText()).isEqualTo("reported");
            assertThat(series.path("counts").get(6).asInt()).as("today").isPositive();
        });
        assertThat(server.admin().get("realms/" + REALM.name() + "/keyward-oauth21/compliance/trend?windowDays=0", "application/json")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void singleUseChallengeReportsAReusedChallenge() {
        OidcClient client = OidcClient.publicClient(REALM.issuer(), "public-app", APP);
        CodeVerifier verifier = new CodeVerifier();
        try (Browser browser = new Browser(server.baseUrl())) {
            for (int i = 0; i < 2; i++) {
                browser.openLogin(client.customAuthorization(ResponseType.CODE, APP,
                        builder -> builder.codeChallenge(verifier, CodeChallengeMethod.S256)));
            }
        }

        assertThat(events.reported("LOGIN", "public-app")).anySatisfy(event ->
                assertThat(event.path("details").path("keyward_rule").asText()).isEqualTo("single-use-challenge"));
    }

    @Test
    void exactRedirectUriReportsAPrefixMatchAndKeycloakServesTheLogin() {
        OidcClient legacy = OidcClient.publicClient(REALM.issuer(), "legacy-wildcard", URI.create("https://legacy.example/cbevil"));

        try (Browser browser = new Browser(server.baseUrl())) {
            browser.openLogin(legacy.authorize(OPENID).requestUri());
        }

        assertThat(events.latestReported("LOGIN", "legacy-wildcard").path("details").path("keyward_rule").asText())
                .isEqualTo("exact-redirect-uri");
    }

    @Test
    void aClientsEvidenceListsTheRedirectUriItReallySent() {
        URI sent = URI.create("https://legacy.example/cb-" + java.util.UUID.randomUUID());
        OidcClient legacy = OidcClient.publicClient(REALM.issuer(), "legacy-wildcard", sent);
        try (Browser browser = new Browser(server.baseUrl())) {
            browser.openLogin(legacy.authorize(OPENID).requestUri());
        }

        JsonNode evidence = server.admin().get("realms/" + REALM.name() + "/keyward-oauth21/compliance/clients/legacy-wildcard/evidence?max=5");

        assertThat(evidence.size()).isBetween(1, 5);
        assertThat(evidence).anySatisfy(seen -> {
            assertThat(seen.path("rule").asText()).isEqualTo("exact-redirect-uri");
            assertThat(seen.path("outcome").asText()).isEqualTo("reported");
            assertThat(seen.path("request").asText()).isEqualTo("LOGIN");
            assertThat(seen.path("value").asText()).isEqualTo(sent.toString());
            assertThat(seen.path("time").asText()).isNotBlank();
        });
        assertThat(server.admin().get("realms/" + REALM.name() + "/keyward-oauth21/compliance/clients/no-such-client/evidence",
                "application/json").statusCode()).isEqualTo(404);
    }

    @Test
    void exactRedirectUriReportsAWildcardRegistrationAndKeepsTheClient() {
        ObjectNode client = JsonNodeFactory.instance.objectNode().put("clientId", "reported-wildcard").put("publicClient", true);
        client.putArray("redirectUris").add("https://app.example/*");

        AdminClient.expect(201, server.admin().post("realms/" + REALM.name() + "/clients", client));

        assertThat(events.latestReported("CLIENT_REGISTER", "reported-wildcard").path("details").path("keyward_outcome").asText())
                .isEqualTo("reported");
    }

    @Test
    void noImplicitOrHybridReportsATokenResponseAndTheTokenIsIssued() {
        URI callback = URI.create("https://implicit.example/cb");
        OidcClient client = OidcClient.publicClient(REALM.issuer(), "implicit-app", callback);
        URI request = client.customAuthorization(new ResponseType("token"), callback,
                builder -> builder.customParameter("nonce", "n-0S6_WzA2Mj"));

        try (Browser browser = new Browser(server.baseUrl())) {
            AuthenticationResponse response = client.parseRedirect(browser.openLogin(request).signIn("carol", "carol").redirectOrFail());
            assertThat(response.toSuccessResponse().getAccessToken()).isNotNull();
        }

        assertThat(events.latestReported("LOGIN", "implicit-app").path("details").path("keyward_rule").asText())
                .isEqualTo("no-implicit-or-hybrid");
    }

    @Test
    void noPasswordGrantReportsThePasswordGrantAndTheTokenIsIssued() {
        OidcClient client = OidcClient.confidentialClient(REALM.issuer(), "password-app", "password-secret", APP);

        OidcClient.success(client.token(new ResourceOwnerPasswordCredentialsGrant("carol", new Secret("carol"))));

        assertThat(events.latestReported("LOGIN", "password-app").path("details").path("keyward_rule").asText())
                .isEqualTo("no-password-grant");
    }

    @Test
    void refreshTokenRotationReportsAReplayAndKeepsTheSession() {
        OidcClient client = OidcClient.publicClient(REALM.issuer(), "public-app", APP);
        RefreshToken first = client.signInForTokens(server.baseUrl(), OPENID, "carol", "carol").getOIDCTokens().getRefreshToken();

        RefreshToken second = OidcClient.success(client.token(new RefreshTokenGrant(first))).getTokens().getRefreshToken();
        OidcClient.success(client.token(new RefreshTokenGrant(first)));
        OidcClient.success(client.token(new RefreshTokenGrant(second)));

        assertThat(events.latestReported("REFRESH_TOKEN", "public-app").path("details").path("keyward_outcome").asText())
                .isEqualTo("reported");
    }

    @Test
    void truthfulMetadataInReportModeLeavesTheDocumentAsKeycloakServesIt() {
        OidcClient client = OidcClient.publicClient(REALM.issuer(), "public-app", APP);

        assertThat(client.metadata().getCodeChallengeMethods()).contains(CodeChallengeMethod.PLAIN, CodeChallengeMethod.S256);
        assertThat(client.metadata().getGrantTypes()).extracting(Object::toString).contains("password", "implicit");
    }

    @Test
    void aStricterRealmAlsoAdvertisesLess() {
        OidcClient client = OidcClient.publicClient(STRICT_REALM.issuer(), "public-app", APP);

        assertThat(client.metadata().getCodeChallengeMethods()).containsExactly(CodeChallengeMethod.S256);
        assertThat(client.metadata().getGrantTypes()).extracting(Object::toString).doesNotContain("password", "implicit");
    }

    @Test
    void aRealmCanMakeItselfStricterThanTheServer() {
        OidcClient client = OidcClient.publicClient(STRICT_REALM.issuer(), "public-app", APP);
        URI request = client.customAuthorization(ResponseType.CODE, APP, builder -> builder);

        try (Browser browser = new Browser(server.baseUrl())) {
            AuthenticationResponse response = client.parseRedirect(browser.navigate(request).redirectOrFail());
            assertThat(response.toErrorResponse().getErrorObject().getDescription()).startsWith("Keyward rule pkce-required:");
        }
    }

    @Test
    void findingsAreCountedOnTheMetricsEndpoint() throws Exception {
        OidcClient client = OidcClient.confidentialClient(REALM.issuer(), "password-app", "password-secret", APP);
        OidcClient.success(client.token(new ResourceOwnerPasswordCredentialsGrant("carol", new Secret("carol"))));

        HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.managementUrl() + "/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body().lines().filter(line -> line.startsWith("keyward_oauth21_findings_total{")
                && line.contains("outcome=\"reported\"") && line.contains("realm=\"" + REALM.name() + "\"")
                && line.contains("rule=\"no-password-grant\"")))
                .singleElement().satisfies(line -> assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).isGreaterThanOrEqualTo(1.0));
    }
}
