package dev.keyward.oauth21.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;

import dev.keyward.oauth21.rule.AuthorizationRequest;
import dev.keyward.oauth21.rule.ClientRegistration;
import dev.keyward.oauth21.rule.ClientSetting;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.Finding;
import dev.keyward.oauth21.rule.Metadata;
import dev.keyward.oauth21.rule.Phase;
import dev.keyward.oauth21.rule.Profile;
import dev.keyward.oauth21.rule.RefreshRequest;
import dev.keyward.oauth21.rule.RuleId;
import dev.keyward.oauth21.rule.TokenRequest;
import org.junit.jupiter.api.Test;

class BaselineTest {

    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final ClientSettings SPA = new ClientSettings("spa", true, List.of("https://app.example/cb", "http://127.0.0.1/cb"))
            .with(ClientSetting.FULL_SCOPE_ALLOWED, false);
    /** What Keycloak 26.7 advertises out of the box. */
    private static final Metadata KEYCLOAK_METADATA = new Metadata(List.of("plain", "S256"),
            List.of("code", "none", "id_token", "token", "id_token token", "code id_token", "code token", "code id_token token"),
            List.of("authorization_code", "client_credentials", "implicit", "password", "refresh_token",
                    "urn:ietf:params:oauth:grant-type:device_code"));
    private final Baseline baseline = Baseline.oauth21();

    @Test
    void theRulesAreRegisteredOnceInTheirDocumentedOrder() {
        assertThat(baseline.ruleIds()).extracting(RuleId::id).containsExactly("pkce-required", "single-use-challenge",
                "exact-redirect-uri", "no-implicit-or-hybrid", "no-password-grant", "refresh-token-rotation", "truthful-metadata",
                "exact-web-origins", "exact-post-logout-redirect-uri", "limited-public-client-scope", "separate-service-account",
                "code-flow-needs-redirect-uri", "no-default-offline-access", "short-lived-access-tokens",
                "fapi2-pushed-requests", "fapi2-pushed-redirect-uri", "fapi2-confidential-client", "fapi2-client-authentication", "fapi2-sender-constrained-tokens", "fapi2-issuer-in-response", "fapi2-short-lived-codes", "fapi2-short-lived-request-uris", "fapi2-no-refresh-token-rotation", "fapi2-signing-algorithms", "fapi2-key-sizes");
    }

    @Test
    void aCompliantCodeFlowPassesEveryCheck() {
        AuthorizationRequest request = new AuthorizationRequest(SPA, "code", "http://127.0.0.1:51000/cb", CHALLENGE, "S256");

        assertThat(baseline.check(Phase.REDIRECT, request)).isEmpty();
        assertThat(baseline.check(Phase.AUTHORIZATION, request.withChallengeFirstSeen(true))).isEmpty();
        assertThat(baseline.check(Phase.TOKEN, new TokenRequest(SPA, "authorization_code", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")))
                .isEmpty();
        assertThat(baseline.check(Phase.TOKEN, new TokenRequest(SPA, "refresh_token", null))).isEmpty();
        assertThat(baseline.check(Phase.TOKEN, new TokenRequest(SPA, "client_credentials", null))).isEmpty();
        assertThat(baseline.check(Phase.REFRESH, new RefreshRequest(true, false, true))).isEmpty();
        assertThat(baseline.check(Phase.REGISTRATION, ClientRegistration.judgedInFull(SPA))).isEmpty();
    }

    @Test
    void anImplicitRequestBreaksTheResponseTypeRuleOnly() {
        AuthorizationRequest request = new AuthorizationRequest(SPA, "token", "https://app.example/cb", null, null);

        assertThat(baseline.check(Phase.AUTHORIZATION, request)).extracting(Finding::rule).containsExactly(Baseline.NO_IMPLICIT_OR_HYBRID);
    }

    @Test
    void aHybridRequestWithoutPkceBreaksBothRules() {
        AuthorizationRequest request = new AuthorizationRequest(SPA, "code id_token", "https://app.example/cb", null, null);

        // In this order: the response type is the error the client sees.
        assertThat(baseline.check(Phase.AUTHORIZATION, request)).extracting(Finding::rule)
                .containsExactly(Baseline.NO_IMPLICIT_OR_HYBRID, Baseline.PKCE_REQUIRED);
        assertThat(baseline.check(Phase.AUTHORIZATION, request)).extracting(Finding::error)
                .containsExactly("unsupported_response_type", "invalid_request");
    }

    @Test
    void aReusedChallengeIsAFindingOfItsOwnRule() {
        AuthorizationRequest reused = new AuthorizationRequest(SPA, "code", "https://app.example/cb", CHALLENGE, "S256")
                .withChallengeFirstSeen(false);

        assertThat(baseline.check(Phase.AUTHORIZATION, reused)).extracting(Finding::rule).containsExactly(Baseline.SINGLE_USE_CHALLENGE);
    }

    @Test
    void aReplayedRefreshTokenIsAFindingOfTheRotationRule() {
        assertThat(baseline.check(Phase.REFRESH, new RefreshRequest(true, false, false)))
                .extracting(Finding::rule).containsExactly(Baseline.REFRESH_TOKEN_ROTATION);
    }

    @Test
    void thePasswordGrantIsRefusedAsUnsupported() {
        assertThat(baseline.check(Phase.TOKEN, new TokenRequest(SPA, "password", null)))
                .singleElement().satisfies(f -> {
                    assertThat(f.rule()).isEqualTo(Baseline.NO_PASSWORD_GRANT);
                    assertThat(f.error()).isEqualTo("unsupported_grant_type");
                    assertThat(f.errorDescription()).startsWith("Keyward rule no-password-grant: ");
                });
    }

    @Test
    void aRedirectUriOffTheListIsReportedWithTheClosestRegisteredOne() {
        AuthorizationRequest request = new AuthorizationRequest(SPA, "code", "https://app.example/cb/../x", CHALLENGE, "S256");

        assertThat(baseline.check(Phase.REDIRECT, request)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Baseline.EXACT_REDIRECT_URI);
            assertThat(f.description()).endsWith("the closest registered URI is https://app.example/cb");
        });
    }

    @Test
    void enforcingRulesRemoveWhatTheyForbidFromTheMetadata() {
        Metadata advertised = baseline.advertised(KEYCLOAK_METADATA, rule -> true);

        assertThat(advertised.codeChallengeMethods()).containsExactly("S256");
        assertThat(advertised.responseTypes()).containsExactly("code", "none");
        assertThat(advertised.grantTypes())
                .containsExactly("authorization_code", "client_credentials", "refresh_token", "urn:ietf:params:oauth:grant-type:device_code");
    }

    @Test
    void withoutTruthfulMetadataTheDocumentIsLeftAlone() {
        assertThat(baseline.advertised(KEYCLOAK_METADATA, rule -> !rule.equals(Baseline.TRUTHFUL_METADATA))).isEqualTo(KEYCLOAK_METADATA);
        assertThat(baseline.advertised(KEYCLOAK_METADATA, rule -> false)).isEqualTo(KEYCLOAK_METADATA);
    }

    @Test
    void eachRuleRemovesOnlyItsOwnEntries() {
        Predicate<RuleId> onlyPassword = rule -> rule.equals(Baseline.NO_PASSWORD_GRANT) || rule.equals(Baseline.TRUTHFUL_METADATA);
        Metadata advertised = baseline.advertised(KEYCLOAK_METADATA, onlyPassword);

        assertThat(advertised.grantTypes()).contains("implicit").doesNotContain("password");
        assertThat(advertised.codeChallengeMethods()).isEqualTo(KEYCLOAK_METADATA.codeChallengeMethods());
    }

    @Test
    void absentListsStayAbsent() {
        assertThat(baseline.advertised(new Metadata(null, null, null), rule -> baseline.profile(rule) == Profile.OAUTH21))
                .isEqualTo(new Metadata(null, null, null));
        assertThat(baseline.advertised(new Metadata(null, null, null), rule -> true)).as("a realm held to FAPI 2.0 as a whole")
                .isEqualTo(new Metadata(null, null, null, null, null, null, null, true));
    }

    @Test
    void aRealmHeldToFapi2AdvertisesPushedRequestsKeyBasedClientAuthenticationAndFapiAlgorithmsOnly() {
        Metadata keycloak = new Metadata(List.of("S256"), List.of("code"), List.of("authorization_code"),
                List.of("private_key_jwt", "client_secret_basic", "client_secret_post", "client_secret_jwt", "tls_client_auth"),
                List.of("RS256", "PS256", "ES256", "HS256", "EdDSA"), List.of("RS256", "PS256", "ES256"), List.of("RS256", "PS256", "ES256", "EdDSA"),
                false);

        Metadata fapi2 = baseline.advertised(keycloak, rule -> true);

        assertThat(fapi2.requirePushedAuthorizationRequests()).isTrue();
        assertThat(fapi2.tokenEndpointAuthMethods()).containsExactly("private_key_jwt", "tls_client_auth");
        assertThat(fapi2.tokenEndpointAuthSigningAlgorithms()).containsExactly("PS256", "ES256", "EdDSA");
        assertThat(fapi2.idTokenSigningAlgorithms()).containsExactly("PS256", "ES256");
        assertThat(fapi2.dpopSigningAlgorithms()).containsExactly("PS256", "ES256", "EdDSA");
        assertThat(baseline.advertised(keycloak, rule -> baseline.profile(rule) == Profile.OAUTH21).tokenEndpointAuthMethods())
                .as("an OAuth 2.1 realm keeps Keycloak's list").isEqualTo(keycloak.tokenEndpointAuthMethods());
    }
}
