package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;

import dev.keyward.testing.BaselineMode;
import dev.keyward.testing.AdminClient;
import dev.keyward.testing.Browser;
import dev.keyward.testing.CompatibilitySubset;
import dev.keyward.testing.KeycloakServer;
import dev.keyward.testing.KeywardEvents;
import dev.keyward.testing.OidcClient;
import dev.keyward.testing.ThrowawayRealm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every OAuth 2.1 rule in enforce mode (the default: no option set), in a realm created after
 * startup with nothing Keyward-specific in it: the rule rejects with the right OAuth error and
 * records an event.
 */
@CompatibilitySubset
@BaselineMode("enforce")
class Oauth21EnforceIT {

    @RegisterExtension
    static final ThrowawayRealm REALM = ThrowawayRealm.from("/realms/oauth21.json");

    private static final URI APP = URI.create("https://app.example/cb");
    private static final Scope OPENID = new Scope("openid");

    private KeycloakServer server;
    private AdminClient admin;


    @BeforeEach
    void connect(KeycloakServer server) {
        this.server = server;
        this.admin = server.admin();
    }

    private OidcClient publicApp() {
        return OidcClient.publicClient(REALM.issuer(), "public-app", APP);
    }

    // --- realms cannot weaken the baseline ---------------------------------------------------

    @Test
    void aRealmAdminCannotWeakenTheServersBaseline() {
        ObjectNode weaker = JsonNodeFactory.instance.objectNode();
        weaker.putObject("attributes").put("keyward.oauth21.mode", "off").put("keyward.oauth21.rule.pkce-required", "off");
        AdminClient.expect(204, admin.put("realms/" + REALM.name(), weaker));
        try {
            OidcClient client = publicApp();
            assertThat(errorRedirect(client, client.customAuthorization(ResponseType.CODE, APP, builder -> builder)).getDescription())
                    .startsWith("Keyward rule pkce-required:");
            // Nor can it delete or disable the global policy: it is not one of the realm's own policies.
            assertThat(admin.get("realms/" + REALM.name() + "/client-policies/policies").path("policies"))
                    .noneSatisfy(policy -> assertThat(policy.path("name").asText()).isEqualTo("keyward-oauth21"));
            assertThat(admin.get("realms/" + REALM.name() + "/client-policies/policies?include-global-policies=true").path("globalPolicies"))
                    .anySatisfy(policy -> {
                        assertThat(policy.path("name").asText()).isEqualTo("keyward-oauth21");
                        assertThat(policy.path("enabled").asBoolean()).isTrue();
                    });
        } finally {
            ObjectNode restore = JsonNodeFactory.instance.objectNode();
            restore.putObject("attributes").put("keyward.oauth21.mode", "").put("keyward.oauth21.rule.pkce-required", "");
            admin.put("realms/" + REALM.name(), restore);
        }
    }

    // --- pkce-required ---------------------------------------------------------------------

    @Test
    void pkceRequiredRejectsACodeRequestWithoutAChallengeBackToTheClient() {
        OidcClient client = publicApp();
        URI request = client.customAuthorization(ResponseType.CODE, APP, builder -> builder);

        ErrorObject error = errorRedirect(client, request);

        assertThat(error.getCode()).isEqualTo("invalid_request");
        assertThat(error.getDescription()).startsWith("Keyward rule pkce-required: code_challenge is required");
        JsonNode event = lastEvent("LOGIN_ERROR", "public-app");
        assertThat(event.path("details").path("keyward_rule").asText()).isEqualTo("pkce-required");
        assertThat(event.path("details").path("keyward_outcome").asText()).isEqualTo("rejected");
        assertThat(event.path("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void pkceRequiredAlsoAppliesToConfidentialClients() {
        OidcClient client = OidcClient.confidentialClient(REALM.issuer(), "confidential-app", "confidential-secret",
                URI.create("https://confidential.example/cb"));
        URI request = client.customAuthorization(ResponseType.CODE, URI.create("https://confidential.example/cb"), builder -> builder);

        assertThat(errorRedirect(client, request).getDescription()).contains("pkce-required");
    }

    @Test
    void pkceRequiredRefusesThePlainMethod() {
        OidcClient client = publicApp();
        URI request = client.customAuthorization(ResponseType.CODE, APP,
                builder -> builder.codeChallenge(new CodeVerifier(), CodeChallengeMethod.PLAIN));

        assertThat(errorRedirect(client, request).getDescription()).contains("code_challenge_method must be S256");
    }

    @Test
    void pkceRequiredRefusesAChallengeThatIsNotAnS256Digest() {
        OidcClient client = publicApp();
        // 60 characters: stock Keycloak accepts any 43-128, Keyward wants exactly a SHA-256 digest.
        URI request = client.customAuthorization(ResponseType.CODE, APP, builder -> builder
                .customParameter("code_challenge", "a".repeat(60))
                .customParameter("code_challenge_method", "S256"));

        assertThat(errorRedirect(client, request).getDescription()).contains("43-character base64url SHA-256 digest");
    }

    @Test
    void pkceRequiredAlsoAppliesToPushedAuthorizationRequests() throws Exception {
        HttpResponse<String> refused = pushAuthorizationRequest(Map.of("client_id", "public-app", "response_type", "code",
                "redirect_uri", APP.toString(), "scope", "openid"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(AdminClient.json(refused).path("error").asText()).isEqualTo("invalid_request");
        assertThat(AdminClient.json(refused).path("error_description").asText()).startsWith("Keyward rule pkce-required:");
    }

    @Test
    void aPushedAuthorizationRequestWithPkceCompletesTheLogin() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        HttpResponse<String> pushed = pushAuthorizationRequest(Map.of("client_id", "public-app", "response_type", "code",
                "redirect_uri", APP.toString(), "scope", "openid", "state", "par-state",
                "code_challenge", CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue(),
                "code_challenge_method", "S256"));
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
        URI authorization = URI.create(REALM.issuer() + "/protocol/openid-connect/auth?client_id=public-app&request_uri="
                + URLEncoder.encode(AdminClient.json(pushed).path("request_uri").asText(), StandardCharsets.UTF_8));

        OidcClient client = publicApp();
        try (Browser browser = new Browser(server.baseUrl())) {
            URI redirect = browser.openLogin(authorization).signIn("carol", "carol").redirectOrFail();
            AuthorizationCode code = client.parseRedirect(redirect).toSuccessResponse().getAuthorizationCode();
            OidcClient.success(client.redeem(code, APP, verifier));
        }
    }

    private HttpResponse<String> pushAuthorizationRequest(Map<String, String> parameters) throws Exception {
        String form = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(REALM.issuer() + "/protocol/openid-connect/ext/par/request"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- single-use-challenge --------------------------------------------------------------

    @Test
    void singleUseChallengeRefusesAChallengeSeenBefore() {
        OidcClient client = publicApp();
        CodeVerifier verifier = new CodeVerifier();
        URI first = client.customAuthorization(ResponseType.CODE, APP, builder -> builder.codeChallenge(verifier, CodeChallengeMethod.S256));
        URI second = client.customAuthorization(ResponseType.CODE, APP, builder -> builder.codeChallenge(verifier, CodeChallengeMethod.S256));

        try (Browser browser = new Browser(server.baseUrl())) {
            browser.openLogin(first);
            ErrorObject error = errorRedirect(client, second);

            assertThat(error.getCode()).isEqualTo("invalid_request");
            assertThat(error.getDescription()).startsWith("Keyward rule single-use-challenge:");
        }
        assertThat(new KeywardEvents(admin, REALM.name()).of("LOGIN_ERROR", "public-app"))
                .anySatisfy(event -> assertThat(event.path("details").path("keyward_rule").asText()).isEqualTo("single-use-challenge"));
    }

    // --- exact-redirect-uri ----------------------------------------------------------------

    @Test
    void exactRedirectUriShowsAnErrorPageForAPrefixMatchAndNeverRedirects() {
        OidcClient legacy = OidcClient.publicClient(REALM.issuer(), "legacy-wildcard", URI.create("https://legacy.example/cbevil"));
        OidcClient.Authorization authorization = legacy.authorize(OPENID);

        try (Browser browser = new Browser(server.baseUrl())) {
            Browser.Outcome outcome = browser.navigate(authorization.requestUri());

            assertThat(outcome.redirect()).as("an invalid redirect URI is never redirected to").isNull();
            assertThat(outcome.page().getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(((HtmlPage) outcome.page()).asNormalizedText())
                    .contains("redirect_uri does not exactly match a registered redirect URI")
                    .contains("https://legacy.example/cb*");
        }
        assertThat(lastEvent("LOGIN_ERROR", "legacy-wildcard").path("details").path("keyward_rule").asText())
                .isEqualTo("exact-redirect-uri");
    }

    @Test
    void exactRedirectUriRefusesATrailingSlash() {
        OidcClient client = OidcClient.publicClient(REALM.issuer(), "public-app", URI.create("https://app.example/cb/"));
        try (Browser browser = new Browser(server.baseUrl())) {
            Browser.Outcome outcome = browser.navigate(client.authorize(OPENID).requestUri());

            assertThat(outcome.redirect()).isNull();
            assertThat(outcome.page().getWebResponse().getStatusCode()).isEqualTo(400);
        }
    }

    @Test
    void exactRedirectUriLetsALoopbackRedirectUseAnyPortAndAPrivateUseScheme() {
        for (URI redirect : List.of(URI.create("http://127.0.0.1:61234/cb"), URI.create("com.example.app:/cb"))) {
            OidcClient client = OidcClient.publicClient(REALM.issuer(), "public-app", redirect);
            OidcClient.Authorization authorization = client.authorize(OPENID);
            try (Browser browser = new Browser(server.baseUrl())) {
                OidcClient.success(client.signInForTokens(browser, authorization, "carol", "carol"));
            }
        }
    }

    @Test
    void exactRedirectUriJoinsARelativeRedirectUriToTheClientsRootUrl() {
        URI callback = URI.create("https://rooted.example/cb");
        OidcClient client = OidcClient.publicClient(REALM.issuer(), "rooted-app", callback);
        try (Browser browser = new Browser(server.baseUrl())) {
            OidcClient.success(client.signInForTokens(browser, client.authorize(OPENID), "carol", "carol"));
        }
        ObjectNode rooted = JsonNodeFactory.instance.objectNode()
                .put("clientId", "rooted-" + System.nanoTime()).put("publicClient", true).put("rootUrl", "https://rooted.example");
        rooted.putArray("redirectUris").add("/other-cb");
        AdminClient.expect(201, admin.post("realms/" + REALM.name() + "/clients", rooted));
    }

    @Test
    void exactRedirectUriRefusesToRegisterAWildcardThroughTheAdminApi() {
        ObjectNode client = JsonNodeFactory.instance.objectNode()
                .put("clientId", "wildcard-" + System.nanoTime())
                .put("publicClient", true);
        client.putArray("redirectUris").add("https://ok.example/cb").add("https://app.example/*");

        HttpResponse<String> response = admin.post("realms/" + REALM.name() + "/clients", client);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(AdminClient.json(response).path("error").asText()).isEqualTo("invalid_redirect_uri");
        assertThat(AdminClient.json(response).path("error_description").asText())
                .isEqualTo("Keyward rule exact-redirect-uri: redirect URI 'https://app.example/*' is not allowed:"
                        + " wildcards are not allowed; register each complete redirect URI (OAuth 2.1 section 2.3.1)");
    }

    @Test
    void exactRedirectUriRefusesToUpdateAClientToAPlainHttpRedirect() {
        JsonNode existing = admin.get("realms/" + REALM.name() + "/clients?clientId=public-app").get(0);
        ObjectNode update = ((ObjectNode) existing.deepCopy());
        update.putArray("redirectUris").add("http://app.example/cb");

        HttpResponse<String> response = admin.put("realms/" + REALM.name() + "/clients/" + existing.path("id").asText(), update);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(AdminClient.json(response).path("error_description").asText()).contains("'http://app.example/cb'")
                .contains("http is allowed only for loopback");
        assertThat(admin.get("realms/" + REALM.name() + "/clients/" + existing.path("id").asText()).path("redirectUris"))
                .extracting(JsonNode::asText).doesNotContain("http://app.example/cb");
    }

    @Test
    void exactRedirectUriRefusesDynamicRegistrationOfAWildcard() throws Exception {
        String initialAccessToken = admin.initialAccessToken(REALM.name());
        ObjectNode metadata = JsonNodeFactory.instance.objectNode().put("client_name", "dcr");
        metadata.putArray("redirect_uris").add("https://dcr.example/*");

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(REALM.issuer() + "/clients-registrations/openid-connect"))
                        .header("Authorization", "Bearer " + initialAccessToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(metadata.toString())).build(),
                HttpResponse.BodyHandlers.ofString());

        // Keycloak's registration endpoint answers every client-policy refusal with 403 insufficient_scope.
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(AdminClient.json(response).path("error_description").asText())
                .startsWith("Keyward rule exact-redirect-uri: redirect URI 'https://dcr.example/*' is not allowed");
    }

    // --- no-implicit-or-hybrid -------------------------------------------------------------

    @Test
    void noImplicitOrHybridRejectsATokenResponseTypeEvenWhereTheClientAllowsIt() {
        OidcClient client = OidcClient.publicClient(REALM.issuer(), "implicit-app", URI.create("https://implicit.example/cb"));
        for (ResponseType responseType : List.of(new ResponseType("token"), new ResponseType("code", "id_token"))) {
            URI request = client.customAuthorization(responseType, URI.create("https://implicit.example/cb"),
                    builder -> builder.customParameter("nonce", "n-0S6_WzA2Mj"));

            ErrorObject error = errorRedirect(client, request);

            assertThat(error.getCode()).isEqualTo("unsupported_response_type");
            assertThat(error.getDescription()).startsWith("Keyward rule no-implicit-or-hybrid:");
        }
        // The hybrid request also lacks PKCE, so each rule records its own event.
        assertThat(new KeywardEvents(admin, REALM.name()).of("LOGIN_ERROR", "implicit-app"))
                .anySatisfy(event -> assertThat(event.path("details").path("keyward_rule").asText()).isEqualTo("no-implicit-or-hybrid"));
    }

    // --- no-password-grant -----------------------------------------------------------------

    @Test
    void noPasswordGrantRejectsThePasswordGrant() {
        OidcClient client = OidcClient.confidentialClient(REALM.issuer(), "password-app", "password-secret", APP);

        TokenResponse response = client.token(new ResourceOwnerPasswordCredentialsGrant("carol", new Secret("carol")));

        assertThat(response.indicatesSuccess()).isFalse();
        assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("unsupported_grant_type");
        assertThat(response.toErrorResponse().getErrorObject().getDescription()).startsWith("Keyward rule no-password-grant:");
        assertThat(lastEvent("LOGIN_ERROR", "password-app").path("details").path("keyward_rule").asText())
                .isEqualTo("no-password-grant");
    }

    // --- refresh-token-rotation ------------------------------------------------------------

    @Test
    void refreshTokenRotationRefusesAReplayAndRevokesTheFamily() {
        OidcClient client = publicApp();
        RefreshToken first = client.signInForTokens(server.baseUrl(), OPENID, "carol", "carol").getOIDCTokens().getRefreshToken();

        RefreshToken second = OidcClient.success(client.token(new RefreshTokenGrant(first))).getTokens().getRefreshToken();
        TokenResponse replay = client.token(new RefreshTokenGrant(first));
        TokenResponse afterRevocation = client.token(new RefreshTokenGrant(second));

        assertThat(second).as("each refresh returns a new refresh token").isNotEqualTo(first);
        assertThat(replay.indicatesSuccess()).as("the replay is refused").isFalse();
        assertThat(replay.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
        assertThat(replay.toErrorResponse().getErrorObject().getDescription()).startsWith("Keyward rule refresh-token-rotation:");
        assertThat(afterRevocation.indicatesSuccess()).as("the family is revoked: the newer token is dead too").isFalse();
        assertThat(afterRevocation.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
        assertThat(lastEvent("REFRESH_TOKEN_ERROR", "public-app").path("details").path("keyward_rule").asText())
                .isEqualTo("refresh-token-rotation");
    }

    @Test
    void refreshTokenRotationLeavesDpopBoundRefreshTokensAlone() throws Exception {
        OidcClient client = publicApp();
        DPoPProofFactory dpop = new DefaultDPoPProofFactory(new ECKeyGenerator(Curve.P_256).generate(), JWSAlgorithm.ES256);
        OidcClient.Authorization authorization = client.authorize(OPENID);
        RefreshToken first;
        try (Browser browser = new Browser(server.baseUrl())) {
            AuthorizationCode code = client.signIn(browser, authorization, "carol", "carol").code();
            OIDCTokenResponse tokens = OidcClient.success(client.token(new AuthorizationCodeGrant(code, APP, authorization.verifier()), dpop));
            assertThat(tokens.getOIDCTokens().getAccessToken().getType().getValue()).isEqualTo("DPoP");
            first = tokens.getOIDCTokens().getRefreshToken();
        }

        OidcClient.success(client.token(new RefreshTokenGrant(first), dpop));
        OidcClient.success(client.token(new RefreshTokenGrant(first), dpop));
    }

    @Test
    void refreshTokenRotationLeavesConfidentialClientsAlone() {
        URI callback = URI.create("https://confidential.example/cb");
        OidcClient client = OidcClient.confidentialClient(REALM.issuer(), "confidential-app", "confidential-secret", callback);
        RefreshToken first = client.signInForTokens(server.baseUrl(), OPENID, "carol", "carol").getOIDCTokens().getRefreshToken();

        OidcClient.success(client.token(new RefreshTokenGrant(first)));
        OidcClient.success(client.token(new RefreshTokenGrant(first)));
    }

    // --- truthful-metadata -----------------------------------------------------------------

    @Test
    void truthfulMetadataAdvertisesOnlyWhatTheBaselineAllows() throws Exception {
        // RFC 8414 section 3 inserts the well-known segment before the issuer's path; Keycloak serves both forms.
        for (URI document : List.of(URI.create(REALM.issuer() + "/.well-known/openid-configuration"),
                URI.create(REALM.issuer() + "/.well-known/oauth-authorization-server"),
                server.baseUrl().resolve("/.well-known/oauth-authorization-server/realms/" + REALM.name()))) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(document).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(document.toString()).isEqualTo(200);
            JsonNode metadata = AdminClient.json(response);

            assertThat(metadata.path("code_challenge_methods_supported")).extracting(JsonNode::asText).as(document.toString())
                    .containsExactly("S256");
            assertThat(metadata.path("response_types_supported")).extracting(JsonNode::asText).as(document.toString())
                    .containsExactlyInAnyOrder("code", "none");
            assertThat(metadata.path("grant_types_supported")).extracting(JsonNode::asText).as(document.toString())
                    .contains("authorization_code", "refresh_token", "client_credentials")
                    .doesNotContain("password", "implicit");
        }
        // Nimbus reads the trimmed document as valid OpenID Connect metadata.
        assertThat(publicApp().metadata().getCodeChallengeMethods()).containsExactly(CodeChallengeMethod.S256);
    }

    // --- Keycloak's own clients keep working -------------------------------------------------

    @Test
    void kcadmStillSignsInToMasterWithThePasswordGrantOnAdminCli() {
        OidcClient adminCli = OidcClient.publicClient(server.issuer("master"), "admin-cli", APP);

        TokenResponse response = adminCli.token(new ResourceOwnerPasswordCredentialsGrant(
                System.getProperty("kc.admin.username", "admin"), new Secret(System.getProperty("kc.admin.password", "admin"))));

        assertThat(response.indicatesSuccess()).as("built-in exemption master/admin-cli").isTrue();
    }

    @Test
    void theAdminConsoleStillSignsIn() {
        URI console = URI.create(server.baseUrl() + "/admin/master/console/");
        OidcClient adminConsole = OidcClient.publicClient(server.issuer("master"), "security-admin-console", console);
        OidcClient.Authorization authorization = adminConsole.authorize(OPENID);

        try (Browser browser = new Browser(server.baseUrl())) {
            OidcClient.success(adminConsole.signInForTokens(browser, authorization,
                    System.getProperty("kc.admin.username", "admin"), System.getProperty("kc.admin.password", "admin")));
        }
    }

    private ErrorObject errorRedirect(OidcClient client, URI request) {
        try (Browser browser = new Browser(server.baseUrl())) {
            URI redirect = browser.navigate(request).redirectOrFail();
            AuthenticationResponse response = client.parseRedirect(redirect);
            assertThat(response.indicatesSuccess()).as("an error response").isFalse();
            AuthenticationErrorResponse error = response.toErrorResponse();
            assertThat(error.getIssuer()).as("RFC 9207 iss on the error").isEqualTo(client.metadata().getIssuer());
            assertThat(error.getState()).as("state returned with the error").isNotNull();
            return error.getErrorObject();
        }
    }

    private JsonNode lastEvent(String type, String clientId) {
        return new KeywardEvents(admin, REALM.name()).latest(type, clientId);
    }
}
