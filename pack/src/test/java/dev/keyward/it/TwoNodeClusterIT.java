package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.oauth2.sdk.Scope;
import dev.keyward.testing.AdminClient;
import dev.keyward.testing.Browser;
import dev.keyward.testing.ClusterExtension;
import dev.keyward.testing.ConsentScreen;
import dev.keyward.testing.Eventually;
import dev.keyward.testing.KeycloakCluster;
import dev.keyward.testing.KeywardEvents;
import dev.keyward.testing.OidcClient;
import dev.keyward.testing.TermsScreen;
import dev.keyward.testing.ThrowawayRealm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keyward's guarantees on the production topology: two Keycloak nodes clustered by Keycloak
 * (Infinispan over JGroups) over one PostgreSQL, behind one front door. State one node records —
 * a used code challenge, a used refresh token, an exemption, a consent, a terms version, brand
 * settings — holds on the other, also after a node dies (SIGKILL) and rejoins. The server runs
 * every rule in enforce mode except pkce-required, which it reports. The failover test runs last.
 */
@Tag("cluster")
@ExtendWith(ClusterExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final URI CONSENT_APP = URI.create("https://consent.example/cb");
    private static final URI TERMS_APP = URI.create("https://terms.example/cb");
    private static String realm;
    private static String consentRealm;

    private KeycloakCluster cluster;

    @BeforeEach
    void realmsOnNodeOne(KeycloakCluster cluster) {
        this.cluster = cluster;
        cluster.frontDoor().routeTo(1);
        if (realm == null) {
            realm = createRealm("/realms/oauth21.json");
            consentRealm = createRealm("/realms/consent.json");
        }
    }

    @Test
    @Order(1)
    void aChallengeUsedOnNodeOneIsRefusedOnNodeTwo() throws Exception {
        String challenge = challenge();

        assertThat(authorize(1, challenge).statusCode()).as("node 1 shows the login page").isEqualTo(200);
        HttpResponse<String> reused = authorize(2, challenge);

        assertThat(reused.statusCode()).isEqualTo(302);
        assertThat(reused.headers().firstValue("Location")).get().asString()
                .contains("error=invalid_request").contains("single-use-challenge");
    }

    @Test
    @Order(2)
    void aRefreshTokenUsedOnNodeOneAndReplayedOnNodeTwoRevokesTheFamilyOnBoth() throws Exception {
        OidcClient app = OidcClient.publicClient(cluster.issuer(realm), "public-app", URI.create("https://app.example/cb"));
        String first = app.signInForTokens(cluster.frontDoor().baseUrl(), new Scope("openid"), "carol", "carol")
                .getOIDCTokens().getRefreshToken().getValue();

        HttpResponse<String> rotated = refresh(1, first);
        JsonNode rotatedTokens = AdminClient.json(rotated);
        HttpResponse<String> replay = refresh(2, first);

        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(400);
        assertThat(AdminClient.json(replay).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(AdminClient.json(replay).path("error_description").asText()).startsWith("Keyward rule refresh-token-rotation:");
        String access = rotatedTokens.path("access_token").asText();
        for (int node = 1; node <= 2; node++) {
            assertThat(userInfo(node, access).statusCode()).as("node %d: userinfo with the family's access token", node).isEqualTo(401);
            assertThat(AdminClient.json(introspect(node, access)).path("active").asBoolean()).as("node %d: introspection", node).isFalse();
        }
        HttpResponse<String> newerOnNodeOne = refresh(1, rotatedTokens.path("refresh_token").asText());
        assertThat(newerOnNodeOne.statusCode()).as("the family is revoked on node 1 too: " + newerOnNodeOne.body()).isEqualTo(400);
    }

    @Test
    @Order(3)
    void anExemptionGrantedOnNodeOneAppliesOnNodeTwoAtOnceAndExpiresOnBoth() throws Exception {
        assertThat(passwordGrant(2).statusCode()).as("no exemption yet").isEqualTo(400);
        // Whole seconds, so the expiry means the same instant however precisely the server keeps it.
        Instant expires = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(8);

        grantPasswordExemption(expires.toString());

        HttpResponse<String> onNodeTwo = passwordGrant(2);
        assertThat(onNodeTwo.statusCode()).as("answered %s ms before the expiry: %s", Duration.between(Instant.now(), expires).toMillis(),
                onNodeTwo.body()).isEqualTo(200);
        for (int node = 1; node <= 2; node++) {
            int current = node;
            int afterExpiry = Eventually.pollNotBefore("node " + node + " refuses the password grant once the exemption expired", expires,
                    Duration.between(Instant.now(), expires).plusSeconds(30), () -> passwordGrantStatus(current), status -> status == 400);
            assertThat(afterExpiry).as("node %d after the expiry", node).isEqualTo(400);
        }
    }

    @Test
    @Order(4)
    void brandAttributesChangedOnNodeOneShowOnNodeTwo() throws Exception {
        ObjectNode representation = (ObjectNode) cluster.node(1).admin().get("realms/" + realm);
        ObjectNode attributes = representation.path("attributes").isObject() ? (ObjectNode) representation.path("attributes")
                : representation.putObject("attributes");
        String colour = "#1a" + Integer.toHexString(0x1000 + new java.util.Random().nextInt(0xe000)).substring(0, 4);
        attributes.put("keyward.brand.primary-color", colour);
        AdminClient.expect(204, cluster.node(1).admin().put("realms/" + realm,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().set("attributes", attributes)));

        HttpResponse<String> css = HTTP.send(HttpRequest.newBuilder(cluster.node(2).baseUrl().resolve(
                "/realms/" + realm + "/keyward-brand/brand.css")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains(colour);
    }

    @Test
    @Order(5)
    void findingsOfBothNodesLandInTheOneEventStoreAndEachNodeCountsItsOwn() throws Exception {
        double before1 = wrongRedirectFindings(1);
        double before2 = wrongRedirectFindings(2);
        String wrong = "https://app.example/not-registered-" + UUID.randomUUID();
        refusedRedirect(1, wrong);
        refusedRedirect(2, wrong);

        List<JsonNode> events = new ArrayList<>();
        cluster.node(2).admin().get("realms/" + realm + "/events?type=LOGIN_ERROR&client=public-app&max=100").forEach(events::add);

        assertThat(events.stream().filter(e -> wrong.equals(e.path("details").path("keyward_value").asText()))).hasSize(2);
        assertThat(wrongRedirectFindings(1)).isEqualTo(before1 + 1);
        assertThat(wrongRedirectFindings(2)).isEqualTo(before2 + 1);
    }

    @Test
    @Order(6)
    void reportModeFindingsOfBothNodesLandInTheOneEventStoreAndEachNodeCountsItsOwn() throws Exception {
        double before1 = reportedPkceFindings(1);
        double before2 = reportedPkceFindings(2);
        String state = "report-" + UUID.randomUUID();
        for (int node = 1; node <= 2; node++) {
            HttpResponse<String> withoutPkce = HTTP.send(HttpRequest.newBuilder(URI.create(cluster.node(node).authorizationEndpoint(realm)
                    + "?client_id=public-app&response_type=code&scope=openid&state=" + state + "-" + node + "&redirect_uri="
                    + URLEncoder.encode("https://app.example/cb", StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(withoutPkce.statusCode()).as("node %d: reported, not refused: the login page", node).isEqualTo(200);
        }

        List<JsonNode> reported = new KeywardEvents(cluster.node(1).admin(), realm).reported("LOGIN", "public-app").stream()
                .filter(event -> "pkce-required".equals(event.path("details").path("keyward_rule").asText())).toList();

        assertThat(reported).as("one reported finding per node").hasSize(2)
                .allSatisfy(event -> assertThat(event.path("details").path("keyward_outcome").asText()).isEqualTo("reported"));
        assertThat(reportedPkceFindings(1)).isEqualTo(before1 + 1);
        assertThat(reportedPkceFindings(2)).isEqualTo(before2 + 1);
    }

    @Test
    @Order(7)
    void consentGivenOnNodeOneIsRememberedOnNodeTwoAndRevokedThereAskedAgainOnNodeOne() {
        OidcClient app = OidcClient.publicClient(cluster.issuer(consentRealm), "consent-app", CONSENT_APP);
        Scope scope = new Scope("openid", "phone");

        cluster.frontDoor().routeTo(1);
        try (Browser browser = new Browser(cluster.frontDoor().baseUrl())) {
            ConsentScreen.of(browser, browser.openLogin(app.authorize(scope).requestUri()).signIn("carol", "carol")).allow().redirectOrFail();
        }
        cluster.frontDoor().routeTo(2);
        try (Browser browser = new Browser(cluster.frontDoor().baseUrl())) {
            Browser.Outcome outcome = browser.openLogin(app.authorize(scope).requestUri()).signIn("carol", "carol");
            assertThat(outcome.redirect()).as("node 2 remembers the consent: straight back with a code, got %s", outcome).isNotNull();
        }
        AdminClient.expect(204, cluster.node(2).admin().delete("realms/" + consentRealm + "/users/"
                + cluster.node(2).admin().userId(consentRealm, "carol") + "/consents/consent-app"));
        cluster.frontDoor().routeTo(1);
        try (Browser browser = new Browser(cluster.frontDoor().baseUrl())) {
            assertThat(ConsentScreen.isShown(browser.openLogin(app.authorize(scope).requestUri()).signIn("carol", "carol")))
                    .as("revoked on node 2: node 1 asks again").isTrue();
        }
    }

    @Test
    @Order(8)
    void aTermsVersionBumpedOnNodeOneAsksUsersAgainOnNodeTwo() {
        String termsRealm = createRealm("/realms/terms.json");
        OidcClient app = OidcClient.publicClient(cluster.issuer(termsRealm), "terms-app", TERMS_APP);
        setTermsVersion(termsRealm, "1");
        cluster.frontDoor().routeTo(2);
        try (Browser browser = new Browser(cluster.frontDoor().baseUrl())) {
            TermsScreen terms = TermsScreen.of(browser, browser.openLogin(app.authorize(new Scope("openid")).requestUri()).signIn("tina", "tina"));
            assertThat(terms.text()).contains("Version 1");
            terms.accept().redirectOrFail();
        }

        setTermsVersion(termsRealm, "2026-12");

        try (Browser browser = new Browser(cluster.frontDoor().baseUrl())) {
            TermsScreen again = TermsScreen.of(browser, browser.openLogin(app.authorize(new Scope("openid")).requestUri()).signIn("tina", "tina"));
            assertThat(again.text()).as("node 2 asks for the version saved on node 1").contains("Version 2026-12");
        }
    }

    @Test
    @Order(9)
    void theDemoRealmImportsOnPostgresAndWorksOnBothNodes() throws Exception {
        ObjectNode acme = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                java.nio.file.Path.of(System.getProperty("realm.exports.dir"), "acme-realm.json").toFile());
        HttpResponse<String> created = cluster.node(1).admin().post("realms", acme);
        assertThat(created.statusCode()).as(created.body()).isIn(201, 409);

        for (int node = 1; node <= 2; node++) {
            HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(cluster.node(node).tokenEndpoint("acme"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                            "grant_type=client_credentials&client_id=service&client_secret=service-demo-secret")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).as("node " + node + ": " + token.body()).isEqualTo(200);
        }
        assertThat(cluster.node(2).admin().baselineModes("acme").effective()).as("the cluster's server modes")
                .containsEntry("exact-redirect-uri", "enforce").containsEntry("pkce-required", "report");
    }

    @Test
    @Order(10)
    void afterNodeOneIsKilledNodeTwoStillRefusesWhatWasUsedAndNodeOneRejoinsWithTheSameState() throws Exception {
        grantPasswordExemption(LocalDate.now().plusDays(10).toString());
        String challenge = challenge();
        assertThat(authorize(1, challenge).statusCode()).isEqualTo(200);
        OidcClient app = OidcClient.publicClient(cluster.issuer(realm), "public-app", URI.create("https://app.example/cb"));
        String usedRefreshToken = app.signInForTokens(cluster.frontDoor().baseUrl(), new Scope("openid"), "carol", "carol")
                .getOIDCTokens().getRefreshToken().getValue();
        assertThat(refresh(1, usedRefreshToken).statusCode()).isEqualTo(200);
        OidcClient consentApp = OidcClient.publicClient(cluster.issuer(consentRealm), "consent-app", CONSENT_APP);
        try (Browser browser = new Browser(cluster.frontDoor().baseUrl())) {
            ConsentScreen.of(browser, browser.openLogin(consentApp.authorize(new Scope("openid")).requestUri()).signIn("dora", "dora"))
                    .allow().redirectOrFail();
        }
        try (Browser inProgress = new Browser(cluster.frontDoor().baseUrl())) {
            OidcClient.Authorization login = consentApp.authorize(new Scope("openid"));
            var loginPage = inProgress.openLogin(login.requestUri());

            cluster.node(1).kill();

            // At once, before node 2 has even noticed: what was used stays used.
            HttpResponse<String> reusedChallenge = authorize(2, challenge);
            assertThat(reusedChallenge.headers().firstValue("Location")).as("node 2 right after node 1 died: %s %s", reusedChallenge.statusCode(),
                    reusedChallenge.body().length() > 300 ? reusedChallenge.body().substring(0, 300) : reusedChallenge.body()).get().asString()
                    .contains("single-use-challenge");
            HttpResponse<String> replay = refresh(2, usedRefreshToken);
            assertThat(replay.statusCode()).as(replay.body()).isEqualTo(400);
            assertThat(AdminClient.json(replay).path("error_description").asText()).startsWith("Keyward rule refresh-token-rotation:");

            cluster.node(2).awaitViewOf(1);
            cluster.frontDoor().routeTo(2);
            URI back = loginPage.signIn("dora", "dora").redirectOrFail();
            OidcClient.success(consentApp.redeem(consentApp.codeFrom(back, login), CONSENT_APP, login.verifier()));
        }
        assertThat(passwordGrant(2).statusCode()).as("the exemption survives on node 2").isEqualTo(200);
        assertThat(authorize(2, challenge()).statusCode()).as("node 2 serves new logins alone").isEqualTo(200);

        cluster.node(1).restart();

        assertThat(authorize(1, challenge).headers().firstValue("Location")).as("node 1 after it rejoined").get().asString()
                .contains("single-use-challenge");
        assertThat(refresh(1, usedRefreshToken).statusCode()).isEqualTo(400);
        assertThat(passwordGrant(1).statusCode()).isEqualTo(200);
    }

    private String createRealm(String resource) {
        ObjectNode representation = ThrowawayRealm.read(resource);
        String name = resource.replaceAll(".*/|\\.json$", "") + "-" + UUID.randomUUID().toString().substring(0, 8);
        representation.put("realm", name);
        cluster.node(1).admin().createRealm(representation);
        return name;
    }

    private void grantPasswordExemption(String expires) {
        AdminClient.expect(200, cluster.node(1).admin().put("realms/" + realm + "/keyward-oauth21/exemptions", Map.of(
                "clientId", "password-app", "rule", "no-password-grant", "reason", "batch job until the API ships", "expires", expires)));
    }

    private void setTermsVersion(String termsRealm, String version) {
        AdminClient.expect(204, cluster.node(1).admin().put("realms/" + termsRealm + "/authentication/required-actions/keyward-terms/config",
                Map.of("config", Map.of("terms-version", version))));
    }

    private void refusedRedirect(int node, String redirectUri) throws Exception {
        String query = "client_id=public-app&response_type=code&scope=openid&code_challenge_method=S256&code_challenge=" + challenge()
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(cluster.node(node).authorizationEndpoint(realm) + "?" + query))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
    }

    /** This node's count of rejected exact-redirect-uri findings in the realm, from its metrics endpoint. */
    private double wrongRedirectFindings(int node) throws Exception {
        return findings(node, "exact-redirect-uri", "rejected");
    }

    private double reportedPkceFindings(int node) throws Exception {
        return findings(node, "pkce-required", "reported");
    }

    private double findings(int node, String rule, String outcome) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(cluster.node(node).managementUrl() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("keyward_oauth21_findings_total{") && line.contains("realm=\"" + realm + "\"")
                        && line.contains("rule=\"" + rule + "\"") && line.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private HttpResponse<String> userInfo(int node, String accessToken) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(cluster.node(node).baseUrl().resolve("/realms/" + realm + "/protocol/openid-connect/userinfo"))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> introspect(int node, String token) throws Exception {
        String credentials = Base64.getEncoder().encodeToString("confidential-app:confidential-secret".getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(cluster.node(node).baseUrl().resolve("/realms/" + realm + "/protocol/openid-connect/token/introspect"))
                .header("Authorization", "Basic " + credentials).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> authorize(int node, String challenge) throws Exception {
        String query = "client_id=public-app&response_type=code&scope=openid&redirect_uri="
                + URLEncoder.encode("https://app.example/cb", StandardCharsets.UTF_8) + "&code_challenge_method=S256&code_challenge=" + challenge
                + "&state=" + UUID.randomUUID();
        return HTTP.send(HttpRequest.newBuilder(URI.create(cluster.node(node).authorizationEndpoint(realm) + "?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> refresh(int node, String refreshToken) throws Exception {
        return post(node, "grant_type=refresh_token&client_id=public-app&refresh_token=" + refreshToken);
    }

    private HttpResponse<String> passwordGrant(int node) throws Exception {
        return post(node, "grant_type=password&client_id=password-app&client_secret=password-secret&username=carol&password=carol");
    }

    private int passwordGrantStatus(int node) {
        try {
            return passwordGrant(node).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException("password grant on node " + node + " failed", e);
        }
    }

    private HttpResponse<String> post(int node, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(cluster.node(node).tokenEndpoint(realm))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A fresh S256 challenge: 32 random bytes, base64url (the verifier is never needed here). */
    private static String challenge() {
        byte[] digest = new byte[32];
        new java.security.SecureRandom().nextBytes(digest);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

}
