package dev.keyward.it;

import static dev.keyward.testing.ComplianceReports.client;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;

import dev.keyward.testing.AdminClient;
import dev.keyward.testing.BaselineMode;
import dev.keyward.testing.Browser;
import dev.keyward.testing.CompatibilitySubset;
import dev.keyward.testing.Eventually;
import dev.keyward.testing.FapiClient;
import dev.keyward.testing.KeycloakServer;
import dev.keyward.testing.KeywardEvents;
import dev.keyward.testing.OidcClient;
import dev.keyward.testing.ThrowawayRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * FAPI 2.0 against a real Keycloak, with Nimbus as the client: a full flow (PAR with private_key_jwt and the issuer
 * as audience, {@code dpop_jkt}, sign-in, {@code iss} checked, DPoP-bound access and refresh tokens, PS256 tokens) in
 * a realm raised to {@code fapi2} and for a {@code fapi2} client in an OAuth 2.1 realm; each request rule reported
 * (the request goes on, the finding is recorded) under the default {@code fapi2-mode=report} and refused once the
 * realm's {@code keyward.fapi2.mode} is enforce; exemptions; each configuration rule in the compliance report and
 * refusing the client's requests once enforced.
 */
@CompatibilitySubset
@BaselineMode("enforce")
class Fapi2IT {

    @RegisterExtension
    static final ThrowawayRealm FAPI2_REALM = ThrowawayRealm.from("/realms/fapi2.json");
    @RegisterExtension
    static final ThrowawayRealm OAUTH21_REALM = ThrowawayRealm.from("/realms/oauth21-with-fapi2-client.json");

    private static final URI APP = URI.create("https://bank.example/cb");
    private static final Scope OPENID = new Scope("openid");
    /** A plain OAuth 2.0 request: no ID token. */
    private static final Scope OAUTH = new Scope("profile");

    private KeycloakServer server;
    private AdminClient admin;
    private final List<String[]> createdClients = new ArrayList<>();

    @BeforeEach
    void connect(KeycloakServer server) {
        this.server = server;
        this.admin = server.admin();
    }

    @AfterEach
    void cleanUp() {
        for (String[] created : createdClients) {
            String id = admin.get("realms/" + created[0] + "/clients?clientId=" + created[1]).get(0).path("id").asText();
            AdminClient.expect(204, admin.delete("realms/" + created[0] + "/clients/" + id));
        }
        for (ThrowawayRealm realm : List.of(FAPI2_REALM, OAUTH21_REALM)) {
            realmAttributes(realm, Map.of("keyward.fapi2.mode", ""));
        }
    }

    @Test
    void aFullFapi2FlowInARealmRaisedToFapi2WithEveryRuleEnforced() {
        realmAttributes(FAPI2_REALM, Map.of("keyward.fapi2.mode", "enforce"));
        FapiClient bank = create(FAPI2_REALM, "bank", Map.of(), Map.of());

        fullFlow(bank, FAPI2_REALM);

        JsonNode reviewed = client(admin.get(report(FAPI2_REALM) + "?client=bank"), "bank");
        assertThat(reviewed.path("findings")).as("a client that meets FAPI 2.0 has nothing to find").isEmpty();
        assertThat(reviewed.path("verdictWhenEnforced").asText()).isEqualTo("compliant");
        assertThat(reviewed.path("profile").asText()).as("raised by its realm").isEqualTo("fapi2");
        assertThat(reviewed.path("realmProfile").asText()).isEqualTo("fapi2");
        JsonNode profile = admin.get(report(FAPI2_REALM)).path("profile");
        assertThat(profile.path("server").asText()).as("the server's profile").isEqualTo("oauth21");
        assertThat(profile.path("realm").asText()).as("the realm's").isEqualTo("fapi2");
        JsonNode modes = admin.get("realms/" + FAPI2_REALM.name() + "/keyward-oauth21/modes");
        assertThat(modes.path("profile").path("realm").asText()).isEqualTo("fapi2");
        assertThat(modes.path("rules").path("fapi2-pushed-requests").path("profile").asText()).as("each rule names its profile").isEqualTo("fapi2");
        assertThat(modes.path("rules").path("pkce-required").path("profile").asText()).isEqualTo("oauth21");
        assertThat(client(admin.get(report(FAPI2_REALM) + "?client=security-admin-console"), "security-admin-console").path("profile").asText())
                .as("Keycloak's admin console is not raised by the realm").isEqualTo("oauth21");
    }

    @Test
    void aFapi2ClientInAnOAuth21RealmIsHeldToFapi2AndItsNeighboursAreNot() {
        FapiClient bank = create(OAUTH21_REALM, "bank", Map.of("keyward.profile", "fapi2"), Map.of());
        // Created while FAPI 2.0 reports: enforced, the registration itself would be refused.
        FapiClient unpushed = create(OAUTH21_REALM, "unpushed-bank", attributes("keyward.profile", "fapi2",
                "require.pushed.authorization.requests", null), Map.of());
        realmAttributes(OAUTH21_REALM, Map.of("keyward.fapi2.mode", "enforce"));
        fullFlow(bank, OAUTH21_REALM);

        assertThat(frontChannelError(unpushed.notPushed(OPENID))).isNotNull().satisfies(error -> {
            assertThat(error.getCode()).isEqualTo("invalid_request");
            assertThat(error.getDescription()).startsWith("Keyward rule fapi2-pushed-requests:");
        });

        AdminClient.expect(201, admin.post("realms/" + OAUTH21_REALM.name() + "/clients", Map.of("clientId", "portal", "publicClient", false,
                "secret", "portal-secret", "redirectUris", List.of("https://portal.example/cb"), "attributes", Map.of("pkce.code.challenge.method", "S256"))));
        createdClients.add(new String[] {OAUTH21_REALM.name(), "portal"});
        OidcClient portal = OidcClient.confidentialClient(OAUTH21_REALM.issuer(), "portal", "portal-secret", URI.create("https://portal.example/cb"));
        assertThat(portal.signInForTokens(server.baseUrl(), OPENID, "fay", "fay").getOIDCTokens().getAccessToken().getType().getValue())
                .as("an OAuth 2.1 client in the same realm: neither pushed nor DPoP").isEqualTo("Bearer");
    }

    @Test
    void eachRequestRuleReportsThenRefusesOnceTheRealmEnforcesFapi2AndAnExemptionLetsTheClientOffUntilItExpires() {
        // Keycloak itself would refuse what this client sends without the two switches; off, Keyward's rules decide.
        FapiClient legacy = create(OAUTH21_REALM, "legacy-bank", attributes("keyward.profile", "fapi2",
                "require.pushed.authorization.requests", null, "dpop.bound.access.tokens", null), Map.of());
        KeywardEvents events = new KeywardEvents(admin, OAUTH21_REALM.name());

        assertThat(response(signIn(legacy.notPushed(OPENID))).indicatesSuccess()).as("reported: the sign-in goes on").isTrue();
        assertThat(events.latestReported("LOGIN", "legacy-bank").path("details").path("keyward_rule").asText()).isEqualTo("fapi2-pushed-requests");

        // Keycloak refuses an OpenID Connect request without redirect_uri itself; a plain OAuth one it lets through.
        FapiClient.Pushed withoutRedirect = legacy.push(OAUTH, false, false);
        assertThat(withoutRedirect.response().indicatesSuccess()).as("reported: the push goes on").isTrue();
        assertThat(events.latestReported("PUSHED_AUTHORIZATION_REQUEST", "legacy-bank").path("details").path("keyward_rule").asText())
                .isEqualTo("fapi2-pushed-redirect-uri");

        FapiClient.Pushed pushed = legacy.push(OPENID, false, true);
        AuthorizationCode code = legacy.codeFrom(signIn(legacy.frontChannel(pushed.requestUri())), pushed.state());
        OIDCTokenResponse bearer = OidcClient.success(legacy.redeem(code, pushed.verifier(), false));
        assertThat(bearer.getOIDCTokens().getAccessToken().getType().getValue()).as("reported: a bearer token, as asked").isEqualTo("Bearer");
        assertThat(events.latestReported("CODE_TO_TOKEN", "legacy-bank").path("details").path("keyward_rule").asText())
                .isEqualTo("fapi2-sender-constrained-tokens");

        realmAttributes(OAUTH21_REALM, Map.of("keyward.fapi2.mode", "enforce"));
        assertThat(frontChannelError(legacy.notPushed(OPENID)).getDescription()).startsWith("Keyward rule fapi2-pushed-requests:");
        PushedAuthorizationResponse refusedPush = legacy.push(OAUTH, false, false).response();
        assertThat(refusedPush.indicatesSuccess()).isFalse();
        ErrorObject noRedirect = refusedPush.toErrorResponse().getErrorObject();
        assertThat(noRedirect.getCode()).isEqualTo("invalid_request");
        assertThat(noRedirect.getDescription()).startsWith("Keyward rule fapi2-pushed-redirect-uri:");
        FapiClient.Pushed again = legacy.push(OPENID, false, true);
        AuthorizationCode secondCode = legacy.codeFrom(signIn(legacy.frontChannel(again.requestUri())), again.state());
        ErrorObject noProof = legacy.redeem(secondCode, again.verifier(), false).toErrorResponse().getErrorObject();
        assertThat(noProof.getCode()).as("Keycloak answers every refused code redemption with invalid_grant").isEqualTo("invalid_grant");
        assertThat(noProof.getDescription()).startsWith("Keyward rule fapi2-sender-constrained-tokens:");

        Instant expires = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(6);
        String exemptions = "realms/" + OAUTH21_REALM.name() + "/keyward-oauth21/exemptions";
        AdminClient.expect(200, admin.put(exemptions, Map.of("clientId", "legacy-bank", "rule", "fapi2-pushed-requests",
                "reason", "front-channel requests until the app ships PAR, ticket BANK-7", "expires", expires.toString())));
        assertThat(frontChannelError(legacy.notPushed(OPENID))).as("exempted").isNull();
        ErrorObject afterExpiry = Eventually.pollNotBefore("the rule applies again once the exemption expires", expires,
                Duration.between(Instant.now(), expires).plusSeconds(30), () -> frontChannelError(legacy.notPushed(OPENID)), Objects::nonNull);
        assertThat(afterExpiry.getDescription()).startsWith("Keyward rule fapi2-pushed-requests:");
    }

    @Test
    void eachConfigurationRuleIsReportedWithItsFixAndOnceEnforcedRefusesTheClientsRequests() {
        Map<String, String> brokenBy = new HashMap<>();
        create(OAUTH21_REALM, "secret-bank", attributes("keyward.profile", "fapi2"), Map.of("clientAuthenticatorType", "client-secret",
                "secret", "secret-bank-secret"));
        brokenBy.put("secret-bank", "fapi2-client-authentication");
        FapiClient noIss = create(OAUTH21_REALM, "no-iss-bank", attributes("keyward.profile", "fapi2", "exclude.issuer.from.auth.response", "true"), Map.of());
        brokenBy.put("no-iss-bank", "fapi2-issuer-in-response");
        create(OAUTH21_REALM, "rs256-bank", attributes("keyward.profile", "fapi2", "id.token.signed.response.alg", null), Map.of());
        brokenBy.put("rs256-bank", "fapi2-signing-algorithms");
        create(OAUTH21_REALM, "bearer-bank", attributes("keyward.profile", "fapi2", "dpop.bound.access.tokens", null), Map.of());
        brokenBy.put("bearer-bank", "fapi2-sender-constrained-tokens");
        create(OAUTH21_REALM, "front-bank", attributes("keyward.profile", "fapi2", "require.pushed.authorization.requests", null), Map.of());
        brokenBy.put("front-bank", "fapi2-pushed-requests");
        create(OAUTH21_REALM, "weak-key-bank", attributes("keyward.profile", "fapi2", "jwks.string", rsaJwks(1024)), Map.of());
        brokenBy.put("weak-key-bank", "fapi2-key-sizes");

        JsonNode json = admin.get(report(OAUTH21_REALM));
        brokenBy.forEach((clientId, rule) -> {
            JsonNode reviewed = client(json, clientId);
            assertThat(reviewed.path("findings")).as(clientId).extracting(f -> f.path("rule").asText()).containsExactly(rule);
            JsonNode finding = reviewed.path("findings").get(0);
            assertThat(finding.path("mode").asText()).as(clientId).isEqualTo("report");
            assertThat(finding.path("fix").asText()).as(clientId).isNotBlank();
            assertThat(reviewed.path("verdictWhenEnforced").asText()).as(clientId).isEqualTo("breaks");
        });
        assertThat(json.path("modes").path("fapi2-pushed-requests").path("server").asText()).isEqualTo("report");

        // One click sets the one safe value: PS256 for the ID token.
        JsonNode rs256 = client(admin.get(report(OAUTH21_REALM) + "?client=rs256-bank"), "rs256-bank");
        assertThat(rs256.path("findings").get(0).path("fixValue").asText()).isEqualTo("PS256");
        AdminClient.expect(200, admin.post(report(OAUTH21_REALM) + "/fixes", Map.of("clientId", "rs256-bank", "rule", "fapi2-signing-algorithms",
                "setting", "attributes.id.token.signed.response.alg", "version", rs256.path("version").asText())));
        assertThat(client(admin.get(report(OAUTH21_REALM) + "?client=rs256-bank"), "rs256-bank").path("findings")).isEmpty();

        realmAttributes(OAUTH21_REALM, Map.of("keyward.fapi2.mode", "enforce"));
        PushedAuthorizationResponse refused = noIss.push(OPENID, true, true).response();
        assertThat(refused.indicatesSuccess()).isFalse();
        ErrorObject refusal = refused.toErrorResponse().getErrorObject();
        assertThat(refusal.getCode()).isEqualTo("unauthorized_client");
        assertThat(refusal.getDescription()).startsWith("Keyward rule fapi2-issuer-in-response: the client's configuration breaks a rule:");
    }

    @Test
    void theRealmsLifespansAndRotationAreEachFapi2ClientsFindings() {
        create(FAPI2_REALM, "bank", Map.of(), Map.of());
        JsonNode realm = admin.get("realms/" + FAPI2_REALM.name());
        admin.updateRealm(FAPI2_REALM.name(), Map.of("accessCodeLifespan", 120, "revokeRefreshToken", true), Map.of("parRequestUriLifespan", "600"));
        try {
            JsonNode reviewed = client(admin.get(report(FAPI2_REALM) + "?client=bank"), "bank");
            assertThat(reviewed.path("findings")).extracting(f -> f.path("rule").asText()).containsExactlyInAnyOrder("fapi2-short-lived-codes",
                    "fapi2-short-lived-request-uris", "fapi2-no-refresh-token-rotation");
        } finally {
            admin.updateRealm(FAPI2_REALM.name(), Map.of("accessCodeLifespan", realm.path("accessCodeLifespan").asInt(), "revokeRefreshToken", false),
                    Map.of("parRequestUriLifespan", "60"));
        }
    }

    @Test
    void aClientAssertionIsAcceptedOnceAndForTheIssuerAsAStringOnlyAndARegistrationWithAnUnknownProfileIsRefused() {
        FapiClient bank = create(FAPI2_REALM, "bank", Map.of(), Map.of());
        PrivateKeyJWT once = bank.assertion();
        TokenResponse first = bank.token(new RefreshTokenGrant(new RefreshToken("not-a-refresh-token")), once, true);
        assertThat(first.toErrorResponse().getErrorObject().getCode()).as("authenticated, then the grant is refused").isEqualTo("invalid_grant");
        TokenResponse replay = bank.token(new RefreshTokenGrant(new RefreshToken("not-a-refresh-token")), once, true);
        assertThat(replay.toErrorResponse().getErrorObject().getCode()).as("the same assertion again").isEqualTo("invalid_client");

        assertThat(bank.push(OPENID, true, true, bank.assertionWithAudienceArray()).requestUri()).as("reported: the push goes on").isNotNull();
        assertThat(new KeywardEvents(admin, FAPI2_REALM.name()).latestReported("PUSHED_AUTHORIZATION_REQUEST", "bank").path("details")
                .path("keyward_rule").asText()).isEqualTo("fapi2-client-authentication");

        realmAttributes(FAPI2_REALM, Map.of("keyward.fapi2.mode", "enforce"));
        FapiClient.Pushed asArray = bank.push(OPENID, true, true, bank.assertionWithAudienceArray());
        assertThat(asArray.response().indicatesSuccess()).as("the issuer as the one item of an array, which Keycloak alone accepts").isFalse();
        assertThat(asArray.response().toErrorResponse().getErrorObject().getDescription()).contains("as its aud, a single string; it names the array");
        FapiClient.Pushed atTokenEndpoint = bank.push(OPENID, true, true, bank.assertionFor(bank.metadata().getTokenEndpointURI()));
        assertThat(atTokenEndpoint.response().indicatesSuccess()).as("an assertion made for the token endpoint").isFalse();
        assertThat(atTokenEndpoint.response().toErrorResponse().getErrorObject().getDescription())
                .startsWith("Keyward rule fapi2-client-authentication: a FAPI 2.0 client assertion must name the issuer");
        assertThat(bank.push(OPENID, true, true).requestUri()).as("the issuer as its only audience").isNotNull();

        HttpResponse<String> typo = admin.post("realms/" + FAPI2_REALM.name() + "/clients", Map.of("clientId", "typo",
                "attributes", Map.of("keyward.profile", "fapi-2")));
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(AdminClient.json(typo).path("error_description").asText()).isEqualTo("keyward.profile is 'fapi-2' but must be one of oauth21, fapi2");
    }

    /**
     * What the Final asks of the server that Keycloak does itself, measured so that a release that changes it fails
     * here: clock skew of assertions and DPoP proofs (5.3.2.1-13), no 307 after the credentials (5.3.2.2-10), a
     * 64-character nonce (5.3.2.2-14), no CORS at the authorization endpoint (5.2.3-3).
     */
    @Test
    void keycloakItselfAllowsTenSecondsOfSkewRefusesSeventyRedirectsWithoutA307KeepsALongNonceAndHasNoCorsAtTheAuthorizationEndpoint() {
        realmAttributes(FAPI2_REALM, Map.of("keyward.fapi2.mode", "enforce"));
        FapiClient bank = create(FAPI2_REALM, "bank", Map.of(), Map.of("webOrigins", List.of("+")));
        assertThat(bank.push(OPENID, true, true, bank.assertionIssuedAt(Instant.now().plusSeconds(70))).response().indicatesSuccess())
                .as("an assertion issued 70 s ahead").isFalse();
        String nonce = "n0nce-".repeat(11).substring(0, 64);
        FapiClient.Pushed pushed = bank.push(OPENID, true, true, bank.assertionIssuedAt(Instant.now().plusSeconds(10)), nonce);
        AuthorizationCode code;
        try (Browser browser = new Browser(server.baseUrl())) {
            Browser.Outcome back = browser.openLogin(bank.frontChannel(pushed.requestUri())).signIn("fay", "fay");
            assertThat(back.page().getWebResponse().getStatusCode()).as("the redirect after the credentials").isIn(302, 303);
            code = bank.codeFrom(back.redirectOrFail(), pushed.state());
        }
        OIDCTokenResponse tokens = OidcClient.success(bank.token(new AuthorizationCodeGrant(code, APP, pushed.verifier()), bank.assertion(),
                Instant.now().plusSeconds(10)));
        try {
            assertThat(tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getStringClaim("nonce")).isEqualTo(nonce);
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
        ErrorObject ahead = bank.token(new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken()), bank.assertion(),
                Instant.now().plusSeconds(70)).toErrorResponse().getErrorObject();
        // Refused, as 5.3.2.1-13 asks; but with invalid_request, where RFC 9449 section 5 names invalid_dpop_proof (docs/fapi2.md).
        assertThat(ahead.getCode()).as("a DPoP proof issued 70 s ahead").isEqualTo("invalid_request");
        assertThat(ahead.getDescription()).isEqualTo("DPoP proof is not active");

        URI authorization = bank.frontChannel(bank.push(OPENID, true, true).requestUri());
        for (String method : List.of("GET", "OPTIONS")) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(authorization).method(method, HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://bank.example").header("Access-Control-Request-Method", "GET").build());
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).as("%s from the client's own web origin", method).isEmpty();
        }
    }

    @Test
    void aRealmRaisedToFapi2AsAWholeAdvertisesWhatItEnforcesAndNoOtherRealmDoes() {
        JsonNode reporting = discovery(FAPI2_REALM);
        assertThat(reporting.path("token_endpoint_auth_methods_supported")).extracting(JsonNode::asText).as("while FAPI 2.0 reports")
                .contains("client_secret_basic");

        realmAttributes(FAPI2_REALM, Map.of("keyward.fapi2.mode", "enforce"));
        realmAttributes(OAUTH21_REALM, Map.of("keyward.fapi2.mode", "enforce"));
        for (JsonNode enforced : List.of(discovery(FAPI2_REALM), oauthServerMetadata(FAPI2_REALM))) {
            assertThat(enforced.path("require_pushed_authorization_requests").asBoolean()).isTrue();
            assertThat(enforced.path("authorization_response_iss_parameter_supported").asBoolean()).isTrue();
            assertThat(enforced.path("token_endpoint_auth_methods_supported")).extracting(JsonNode::asText).isNotEmpty()
                    .allSatisfy(method -> assertThat(method).isIn("private_key_jwt", "tls_client_auth", "self_signed_tls_client_auth"));
            for (String algorithms : List.of("token_endpoint_auth_signing_alg_values_supported", "id_token_signing_alg_values_supported",
                    "dpop_signing_alg_values_supported")) {
                assertThat(enforced.path(algorithms)).extracting(JsonNode::asText).as(algorithms).isNotEmpty()
                        .allSatisfy(algorithm -> assertThat(algorithm).isIn("PS256", "ES256", "EdDSA"));
            }
        }
        JsonNode mixed = discovery(OAUTH21_REALM);
        assertThat(mixed.path("require_pushed_authorization_requests").asBoolean()).as("only some clients are FAPI 2.0 there").isFalse();
        assertThat(mixed.path("token_endpoint_auth_methods_supported")).extracting(JsonNode::asText).contains("client_secret_basic");
    }

    /** PAR with private_key_jwt and dpop_jkt, sign-in, iss checked, DPoP-bound PS256 tokens, refresh with DPoP, the code used once. */
    private void fullFlow(FapiClient bank, ThrowawayRealm realm) {
        long started = System.currentTimeMillis();
        FapiClient.Pushed pushed = bank.push(OPENID, true, true);
        URI requestUri = pushed.requestUri();
        assertThat(pushed.response().toSuccessResponse().getLifetime()).as("request_uri lifetime, s").isPositive().isLessThan(600);
        AuthorizationCode code = bank.codeFrom(signIn(bank.frontChannel(requestUri)), pushed.state());

        OIDCTokenResponse tokens = OidcClient.success(bank.redeem(code, pushed.verifier(), true));
        assertThat(tokens.getOIDCTokens().getAccessToken().getType().getValue()).isEqualTo("DPoP");
        try {
            SignedJWT access = SignedJWT.parse(tokens.getOIDCTokens().getAccessToken().getValue());
            assertThat(access.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.PS256);
            assertThat(access.getJWTClaimsSet().getJSONObjectClaim("cnf")).containsEntry("jkt", bank.dpopThumbprint());
            assertThat(((SignedJWT) tokens.getOIDCTokens().getIDToken()).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.PS256);
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
        OIDCTokenResponse refreshed = OidcClient.success(bank.token(new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken()),
                bank.assertion(), true));
        assertThat(refreshed.getOIDCTokens().getAccessToken().getType().getValue()).isEqualTo("DPoP");

        assertThat(bank.redeem(code, pushed.verifier(), true).toErrorResponse().getErrorObject().getCode()).as("a code is used once")
                .isEqualTo("invalid_grant");
        assertThat(bank.token(new RefreshTokenGrant(refreshed.getOIDCTokens().getRefreshToken()), bank.assertion(), true).indicatesSuccess())
                .as("a replayed code revokes what it was exchanged for (RFC 9700 section 4.5)").isFalse();
        assertThat(new KeywardEvents(admin, realm.name()).all()).as("nothing to find in a compliant flow")
                .noneMatch(event -> event.path("details").path("keyward_rule").asText().startsWith("fapi2-")
                        && event.path("clientId").asText().equals(bank.clientId()) && event.path("time").asLong() >= started);
    }

    private JsonNode discovery(ThrowawayRealm realm) {
        return fetch(URI.create(realm.issuer() + "/.well-known/openid-configuration"));
    }

    private JsonNode oauthServerMetadata(ThrowawayRealm realm) {
        return fetch(URI.create(realm.issuer() + "/.well-known/oauth-authorization-server"));
    }

    private static JsonNode fetch(URI document) {
        return AdminClient.json(AdminClient.expect(200, send(HttpRequest.newBuilder(document).GET().build())));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private FapiClient create(ThrowawayRealm realm, String clientId, Map<String, String> attributes, Map<String, Object> fields) {
        FapiClient client = FapiClient.generate(realm.issuer(), clientId, APP);
        AdminClient.expect(201, admin.post("realms/" + realm.name() + "/clients", client.registration(attributes, fields)));
        createdClients.add(new String[] {realm.name(), clientId});
        return client;
    }

    /** Signs fay in at this front-channel request; the redirect back to the client. */
    private URI signIn(URI frontChannel) {
        try (Browser browser = new Browser(server.baseUrl())) {
            return browser.openLogin(frontChannel).signIn("fay", "fay").redirectOrFail();
        }
    }

    /** The error a front-channel request gets back at the redirect URI, or null when Keycloak shows its login form. */
    private ErrorObject frontChannelError(URI frontChannel) {
        try (Browser browser = new Browser(server.baseUrl())) {
            Browser.Outcome outcome = browser.navigate(frontChannel);
            if (outcome.redirect() == null) {
                assertThat(outcome.loginForm()).as("the login form, not an error page: %s", outcome.text()).isTrue();
                return null;
            }
            return response(outcome.redirect()).toErrorResponse().getErrorObject();
        }
    }

    private static AuthenticationResponse response(URI redirect) {
        try {
            return AuthenticationResponseParser.parse(redirect);
        } catch (ParseException e) {
            throw new AssertionError("Not an authorization response: " + redirect, e);
        }
    }

    /** A key set of one RSA key of this size: Nimbus's own generator refuses keys below 2048 bits. */
    private static String rsaJwks(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return new JWKSet(new RSAKey.Builder((RSAPublicKey) generator.generateKeyPair().getPublic()).keyID("old").build()).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> attributes(String... namesAndValues) {
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return attributes;
    }

    private static String report(ThrowawayRealm realm) {
        return "realms/" + realm.name() + "/keyward-oauth21/compliance";
    }

    private void realmAttributes(ThrowawayRealm realm, Map<String, String> attributes) {
        admin.updateRealm(realm.name(), Map.of(), attributes);
    }
}
