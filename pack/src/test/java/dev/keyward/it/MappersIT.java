package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;

import dev.keyward.testing.Browser;
import dev.keyward.testing.CompatibilitySubset;
import dev.keyward.testing.KeycloakExtension;
import dev.keyward.testing.KeycloakServer;
import dev.keyward.testing.OidcClient;
import dev.keyward.testing.ThrowawayRealm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keyward's three token mappers on real tokens (realms/mappers.json: client scope keyward-claims
 * holds them; mapper-light uses lightweight access tokens; mapper-service is a service account
 * that also introspects). Per mapper, the claim is checked in every token type where its switch
 * is on and checked absent where it is off.
 */
@CompatibilitySubset
@ExtendWith(KeycloakExtension.class)
class MappersIT {

    @RegisterExtension
    static final ThrowawayRealm REALM = ThrowawayRealm.from("/realms/mappers.json");

    private static final URI APP = URI.create("https://mapper.example/cb");
    private static final URI LIGHT = URI.create("https://light.example/cb");
    private static final URI ORDERS = URI.create("https://orders.example/");
    private static final URI BILLING = URI.create("https://billing.example/api");
    private static final String HASURA = "https://hasura.io/jwt/claims";
    private static final Scope OPENID = new Scope("openid");
    // Without a size budget the entries keep Keycloak's order, which is not fixed: compare as sets.
    private static final Map<String, Set<String>> MAYAS_ACCESS = Map.of(
            "realm", Set.of("admin", "super"),
            "billing", Set.of("invoices"),
            "crm", Set.of("viewer"),
            "groups", Set.of("/staff/engineering"));

    private KeycloakServer server;
    private OidcClient app;
    private OidcClient service;
    // Keycloak lets only a client in the token's audience introspect it: the resource servers, registered under their URIs.
    private OidcClient ordersApi;
    private OidcClient billingApi;

    @BeforeEach
    void connect(KeycloakServer server) {
        this.server = server;
        app = OidcClient.publicClient(REALM.issuer(), "mapper-app", APP);
        service = OidcClient.confidentialClient(REALM.issuer(), "mapper-service", "mapper-service-secret", APP);
        ordersApi = OidcClient.confidentialClient(REALM.issuer(), ORDERS.toString(), "orders-secret", APP);
        billingApi = OidcClient.confidentialClient(REALM.issuer(), BILLING.toString(), "billing-api-secret", APP);
    }

    @Test
    void filteredRolesAndGroupsAreInEveryTokenTypeTheirSwitchesTurnOn() throws ParseException {
        OidcClient.Authorization authorization = app.authorize(OPENID);
        OIDCTokenResponse tokens = signIn(app, authorization, "maya");

        assertThat(asSets(app.accessTokenClaims(tokens).getJSONObjectClaim("access"))).isEqualTo(MAYAS_ACCESS);
        assertThat(asSets(idToken(tokens, authorization).toJSONObject().get("access"))).isEqualTo(MAYAS_ACCESS);
        assertThat(asSets(app.userInfo(tokens).get("access"))).isEqualTo(MAYAS_ACCESS);
        assertThat(asSets(ordersApi.introspect(tokens).get("access"))).isEqualTo(MAYAS_ACCESS);
        OidcClient light = OidcClient.publicClient(REALM.issuer(), "mapper-light", LIGHT);
        assertThat(asSets(light.accessTokenClaims(signIn(light, light.authorize(OPENID), "maya")).getJSONObjectClaim("access")))
                .as("lightweight access token").isEqualTo(MAYAS_ACCESS);
    }

    @Test
    void aSizeBudgetCutsInAFixedOrderAndMarksTheClaimOnlyInTheAccessToken() {
        OidcClient.Authorization authorization = app.authorize(OPENID);
        OIDCTokenResponse tokens = signIn(app, authorization, "maya");
        JWTClaimsSet access = app.accessTokenClaims(tokens);

        assertThat(access.getClaim("access_small")).isEqualTo(List.of("app-admin", "app-super"));
        assertThat(access.getClaim("access_small_truncated")).isEqualTo(true);
        assertThat(idToken(tokens, authorization).toJSONObject()).as("ID token: off").doesNotContainKeys("access_small", "access_small_truncated");
        assertThat(app.userInfo(tokens)).as("userinfo: off").doesNotContainKey("access_small");
        assertThat(ordersApi.introspect(tokens)).as("introspection: off").doesNotContainKey("access_small");
    }

    @Test
    void theTemplatedHasuraClaimsAreTypedAndOnlyWhereSwitchedOn() throws ParseException {
        OidcClient.Authorization authorization = app.authorize(OPENID);
        OIDCTokenResponse tokens = signIn(app, authorization, "maya");

        Map<String, Object> hasura = app.accessTokenClaims(tokens).getJSONObjectClaim(HASURA);
        assertThat(hasura.get("x-hasura-allowed-roles")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .contains("app-admin", "app-super", "staff-member", "unrelated");
        assertThat(hasura).containsEntry("x-hasura-default-role", "editor")
                .containsEntry("x-hasura-tenant", "acme")
                .containsEntry("quota", 25L)
                .containsEntry("client", "mapper-app")
                .containsEntry("realm", REALM.name())
                .doesNotContainKey("missing");
        assertThat(hasura.get("x-hasura-user-id")).isEqualTo(server.admin().userId(REALM.name(), "maya"));
        assertThat(hasura.get("scopes")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains("openid");

        assertThat(idToken(tokens, authorization).toJSONObject().get(HASURA)).as("ID token: on").isEqualTo(hasura);
        assertThat(ordersApi.introspect(tokens).get(HASURA)).as("introspection: on").isEqualTo(hasura);
        assertThat(app.userInfo(tokens)).as("userinfo: off").doesNotContainKey(HASURA);
        OidcClient light = OidcClient.publicClient(REALM.issuer(), "mapper-light", LIGHT);
        assertThat(light.accessTokenClaims(signIn(light, light.authorize(OPENID), "maya")).getClaims())
                .as("lightweight access token: off").doesNotContainKey(HASURA);
    }

    @Test
    void theAudienceIsTheResourceAskedForAtAuthorizationOrTheDefault() {
        OidcClient.Authorization billing = app.authorize(OPENID, List.of(BILLING));
        OIDCTokenResponse tokens = signIn(app, billing, "maya");
        assertThat(app.accessTokenClaims(tokens).getAudience()).containsExactly(BILLING.toString());
        assertThat(billingApi.introspect(tokens).get("aud")).as("introspection agrees").isEqualTo(BILLING.toString());
        OIDCTokenResponse refreshed = OidcClient.success(app.token(new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken())));
        assertThat(app.accessTokenClaims(refreshed).getAudience()).as("a refresh keeps it").containsExactly(BILLING.toString());

        assertThat(app.accessTokenClaims(signIn(app, app.authorize(OPENID), "maya")).getAudience())
                .as("no resource: the default audience").containsExactly(ORDERS.toString());
    }

    @Test
    void theTokenRequestMayNameTheAuthorizedResourceButNoOther() {
        OidcClient.Authorization authorization = app.authorize(OPENID, List.of(BILLING));
        OIDCTokenResponse same = OidcClient.success(app.token(
                new AuthorizationCodeGrant(code(authorization).code(), APP, authorization.verifier()), null, List.of(BILLING)));
        assertThat(app.accessTokenClaims(same).getAudience()).containsExactly(BILLING.toString());

        OidcClient.Authorization ordersOnly = app.authorize(OPENID, List.of(ORDERS));
        TokenResponse widened = app.token(new AuthorizationCodeGrant(code(ordersOnly).code(), APP, ordersOnly.verifier()), null, List.of(BILLING));
        ErrorObject error = widened.toErrorResponse().getErrorObject();
        assertThat(error.getCode()).as(error.getDescription()).isEqualTo("invalid_target");
        assertThat(error.getHTTPStatusCode()).isEqualTo(400);
        assertThat(error.getDescription()).contains("was not part of the authorization request");
    }

    @Test
    void aRefreshNamingAResourceOffTheListIsRefusedAndTheTokenStaysUsable() {
        OIDCTokenResponse tokens = signIn(app, app.authorize(OPENID, List.of(BILLING)), "maya");
        RefreshTokenGrant refresh = new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken());

        TokenResponse refused = app.token(refresh, null, List.of(URI.create("https://evil.example/")));
        ErrorObject error = refused.toErrorResponse().getErrorObject();
        assertThat(error.getCode()).as(error.getDescription()).isEqualTo("invalid_target");
        assertThat(error.getHTTPStatusCode()).isEqualTo(400);

        assertThat(app.token(refresh).indicatesSuccess()).as("a refused refresh does not spend the single-use token").isTrue();
    }

    @Test
    void keycloakRefusesARepeatedResourceParameterBeforeKeywardSeesIt() {
        OidcClient.Authorization both = app.authorize(OPENID, List.of(ORDERS, BILLING));
        try (Browser browser = new Browser(server.baseUrl())) {
            ErrorObject error = app.parseRedirect(browser.navigate(both.requestUri()).redirectOrFail()).toErrorResponse().getErrorObject();
            assertThat(error.getCode()).isEqualTo("invalid_request");
            assertThat(error.getDescription()).isEqualTo("duplicated parameter");
        }
        TokenResponse twoAtTheTokenEndpoint = service.token(new ClientCredentialsGrant(), null, List.of(ORDERS, BILLING));
        assertThat(twoAtTheTokenEndpoint.indicatesSuccess()).isFalse();
        assertThat(twoAtTheTokenEndpoint.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_request");
    }

    @Test
    void aResourceOffTheListIsRefusedWithInvalidTargetAtTheAuthorizationEndpoint() {
        URI request = app.customAuthorization(ResponseType.CODE, APP, builder -> builder
                .resources(URI.create("https://evil.example/"))
                .codeChallenge(new com.nimbusds.oauth2.sdk.pkce.CodeVerifier(), com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod.S256));
        try (Browser browser = new Browser(server.baseUrl())) {
            URI redirect = browser.navigate(request).redirectOrFail();
            ErrorObject error = app.parseRedirect(redirect).toErrorResponse().getErrorObject();
            assertThat(error.getCode()).isEqualTo("invalid_target");
            assertThat(error.getDescription()).contains("https://evil.example/", "not allowed for this client");
        }
    }

    @Test
    void clientCredentialsGetTheFilteredRolesAndTheAudienceTheyAskFor() throws ParseException {
        OIDCTokenResponse tokens = OidcClient.success(service.token(new ClientCredentialsGrant(), null, List.of(BILLING)));
        JWTClaimsSet access = service.accessTokenClaims(tokens);

        assertThat(access.getAudience()).containsExactly(BILLING.toString());
        assertThat(access.getJSONObjectClaim("access")).isEqualTo(Map.of("realm", List.of("viewer"), "billing", List.of("invoices")));

        TokenResponse refused = service.token(new ClientCredentialsGrant(), null, List.of(URI.create("https://evil.example/")));
        assertThat(refused.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_target");
    }

    @Test
    void invalidMapperSettingsAreRefusedWhenSavedWithWhereAndWhy() {
        String mappers = "realms/" + REALM.name() + "/clients/" + clientUuid("mapper-app") + "/protocol-mappers/models";

        HttpResponse<String> badTemplate = server.admin().post(mappers, Map.of("name", "bad template", "protocol", "openid-connect",
                "protocolMapper", "keyward-claims-template",
                "config", Map.of("claim.name", "bad", "template", "{\n  \"a\": \"{{ user.atribute.x }}\"\n}")));
        assertThat(badTemplate.statusCode()).isEqualTo(400);
        assertThat(badTemplate.body()).contains("Invalid claim template: line 2, column 8 (at /a): unknown source 'user.atribute.x'");

        HttpResponse<String> badShape = server.admin().post(mappers, Map.of("name", "bad shape", "protocol", "openid-connect",
                "protocolMapper", "keyward-filtered-access-claims", "config", Map.of("claim.name", "x", "shape", "csv")));
        assertThat(badShape.statusCode()).isEqualTo(400);
        assertThat(badShape.body()).contains("Output shape 'csv' is not one of array, by-client, string.");

        HttpResponse<String> badResource = server.admin().post(mappers, Map.of("name", "bad resource", "protocol", "openid-connect",
                "protocolMapper", "keyward-resource-audience", "config", Map.of("allowed-resources", "orders")));
        assertThat(badResource.statusCode()).isEqualTo(400);
        assertThat(badResource.body()).contains("Allowed resource 'orders' is not an absolute URI.");

        assertThat(server.admin().get(mappers)).noneSatisfy(m -> assertThat(m.path("name").asText()).startsWith("bad"));
    }

    private OIDCTokenResponse signIn(OidcClient client, OidcClient.Authorization authorization, String user) {
        try (Browser browser = new Browser(server.baseUrl())) {
            return client.signInForTokens(browser, authorization, user, user);
        }
    }

    private static Map<String, Set<String>> asSets(Object byClient) {
        Map<String, Set<String>> sets = new java.util.HashMap<>();
        ((Map<?, ?>) byClient).forEach((key, names) -> sets.put((String) key,
                ((List<?>) names).stream().map(String.class::cast).collect(java.util.stream.Collectors.toSet())));
        return sets;
    }

    private OidcClient.SignIn code(OidcClient.Authorization authorization) {
        try (Browser browser = new Browser(server.baseUrl())) {
            return app.signIn(browser, authorization, "maya", "maya");
        }
    }

    private IDTokenClaimsSet idToken(OIDCTokenResponse tokens, OidcClient.Authorization authorization) {
        return app.validateIdToken(tokens.getOIDCTokens().getIDToken(), authorization.nonce());
    }

    private String clientUuid(String clientId) {
        return server.admin().get("realms/" + REALM.name() + "/clients?clientId=" + clientId).get(0).path("id").asText();
    }
}
