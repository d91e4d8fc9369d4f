package dev.keyward.oauth21.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.keyward.oauth21.baseline.Baseline;
import dev.keyward.oauth21.baseline.BaselineConfig;
import dev.keyward.oauth21.rule.AuthorizationRequest;
import dev.keyward.oauth21.rule.ClientRegistration;
import dev.keyward.oauth21.rule.ClientSetting;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.Finding;
import dev.keyward.oauth21.rule.Mode;
import dev.keyward.oauth21.rule.Phase;
import dev.keyward.oauth21.rule.RealmSettings;
import dev.keyward.oauth21.rule.RuleId;
import dev.keyward.oauth21.rule.Violation;
import dev.keyward.settings.Problems;

class HygieneRulesTest {

    /** A confidential code-flow client with nothing to find: the rules' starting point. */
    private static final ClientSettings TIDY = new ClientSettings("tidy", false, List.of("https://app.example.com/cb"), "S256", true, false, false)
            .with(ClientSetting.WEB_ORIGINS, List.of("+", "https://app.example.com", "http://127.0.0.1:8080"))
            .with(ClientSetting.POST_LOGOUT_REDIRECT_URIS, "+##https://app.example.com/bye");

    @Test
    void aTidyClientHasNoHygieneFinding() {
        assertThat(Baseline.oauth21().checkStoredClient(TIDY)).isEmpty();
    }

    @Test
    void webOriginsAreExactOrigins() {
        assertThat(HygieneRules.originProblem("+")).isEmpty();
        assertThat(HygieneRules.originProblem("https://app.example.com:8443")).isEmpty();
        assertThat(HygieneRules.originProblem("*")).hasValueSatisfying(problem -> assertThat(problem).contains("any web page"));
        for (String notAnOrigin : List.of("https://*.example.com", "https://app.example.com/", "https://app.example.com/path",
                "app.example.com", "ftp://app.example.com", "https://user@app.example.com", "https://app.example.com?x", "https:// space")) {
            assertThat(HygieneRules.originProblem(notAnOrigin)).as(notAnOrigin).isPresent();
        }

        Violation wildcard = HygieneRules.exactWebOrigins(TIDY.with(ClientSetting.WEB_ORIGINS, List.of("https://app.example.com", "*")))
                .orElseThrow();
        assertThat(wildcard.setting().name()).isEqualTo("webOrigins");
        assertThat(wildcard.setting().value()).isEqualTo("*");
        assertThat(wildcard.setting().safeValue()).as("which origins the pages use is a person's decision").isNull();
    }

    @Test
    void postLogoutRedirectUrisFollowTheRedirectUriRule() {
        assertThat(HygieneRules.exactPostLogoutRedirectUris(TIDY)).isEmpty();
        assertThat(HygieneRules.exactPostLogoutRedirectUris(TIDY.with(ClientSetting.POST_LOGOUT_REDIRECT_URIS, "+"))).isEmpty();
        assertThat(HygieneRules.exactPostLogoutRedirectUris(TIDY.with(ClientSetting.POST_LOGOUT_REDIRECT_URIS, "http://127.0.0.1:3000/bye")))
                .as("loopback http, as for redirect URIs").isEmpty();

        Violation wildcard = HygieneRules.exactPostLogoutRedirectUris(TIDY.with(ClientSetting.POST_LOGOUT_REDIRECT_URIS,
                "https://app.example.com/bye##https://app.example.com/*##http://app.example.com/bye")).orElseThrow();
        assertThat(wildcard.setting().value()).isEqualTo("https://app.example.com/* http://app.example.com/bye");
        assertThat(wildcard.description()).startsWith("post-logout redirect URI 'https://app.example.com/*' is not allowed: wildcards");

        ClientSettings relative = TIDY.with(ClientSetting.ROOT_URL, "http://app.example.com").with(ClientSetting.POST_LOGOUT_REDIRECT_URIS, "/bye");
        assertThat(HygieneRules.exactPostLogoutRedirectUris(relative)).as("joined to the root URL, then judged: plain http")
                .hasValueSatisfying(v -> assertThat(v.setting().value()).isEqualTo("http://app.example.com/bye"));
    }

    @Test
    void aPublicClientThatSignsUsersInNeedsALimitedScope() {
        ClientSettings spa = new ClientSettings("spa", true, List.of("https://spa.example.com/cb"));
        assertThat(HygieneRules.limitedPublicClientScope(spa)).as("Keycloak's default for a new client is full scope")
                .hasValueSatisfying(v -> assertThat(v.setting().name()).isEqualTo("fullScopeAllowed"));
        assertThat(HygieneRules.limitedPublicClientScope(spa.with(ClientSetting.FULL_SCOPE_ALLOWED, false))).isEmpty();
        assertThat(HygieneRules.limitedPublicClientScope(TIDY)).as("confidential").isEmpty();
        assertThat(HygieneRules.limitedPublicClientScope(spa.with(ClientSetting.BEARER_ONLY, true))).as("signs nobody in").isEmpty();
    }

    @Test
    void aServiceAccountLivesInAClientOfItsOwn() {
        ClientSettings service = new ClientSettings("service", false, List.of(), null, false, false, false)
                .with(ClientSetting.SERVICE_ACCOUNTS, true);
        assertThat(HygieneRules.separateServiceAccount(service)).isEmpty();
        assertThat(HygieneRules.separateServiceAccount(service.with(ClientSetting.STANDARD_FLOW, true))).isPresent();
        assertThat(HygieneRules.separateServiceAccount(service.with(ClientSetting.DIRECT_ACCESS_GRANTS, true))).isPresent();
        assertThat(HygieneRules.separateServiceAccount(TIDY)).isEmpty();
    }

    @Test
    void theCodeFlowNeedsARedirectUriAndSwitchingItOffIsTheOneClickFix() {
        ClientSettings nowhere = new ClientSettings("nowhere", false, List.of());
        Violation violation = HygieneRules.codeFlowNeedsRedirectUri(nowhere).orElseThrow();
        assertThat(violation.setting().name()).isEqualTo("standardFlowEnabled");
        assertThat(violation.setting().safeValue()).isEqualTo("false");
        assertThat(HygieneRules.codeFlowNeedsRedirectUri(nowhere.with(ClientSetting.STANDARD_FLOW, false))).isEmpty();
        assertThat(HygieneRules.codeFlowNeedsRedirectUri(TIDY)).isEmpty();
    }

    @Test
    void offlineAccessIsAskedForNotGivenByDefaultAndMovingItToOptionalIsTheOneClickFix() {
        assertThat(HygieneRules.noDefaultOfflineAccess(TIDY.with(ClientSetting.DEFAULT_CLIENT_SCOPES, List.of("profile", "email")))).isEmpty();

        Violation offline = HygieneRules.noDefaultOfflineAccess(TIDY.with(ClientSetting.DEFAULT_CLIENT_SCOPES,
                List.of("profile", "offline_access", "email"))).orElseThrow();
        assertThat(offline.setting().name()).isEqualTo("defaultClientScopes");
        assertThat(offline.setting().value()).isEqualTo("profile offline_access email");
        assertThat(offline.setting().safeValue()).as("the default scopes without offline_access").isEqualTo("profile email");
        assertThat(offline.description()).contains("OpenID Connect Core 1.0 section 11");
        assertThat(HygieneRules.noDefaultOfflineAccess(TIDY.with(ClientSetting.DEFAULT_CLIENT_SCOPES, List.of("offline_access"))
                .with(ClientSetting.STANDARD_FLOW, false))).as("signs nobody in, so takes no offline token").isEmpty();
    }

    @Test
    void accessTokensLiveAtMostAnHourTheClientsOwnLifespanElseTheRealms() {
        assertThat(HygieneRules.shortLivedAccessTokens(TIDY)).as("inherits a realm lifespan not known here").isEmpty();
        assertThat(HygieneRules.shortLivedAccessTokens(TIDY.inRealm(lifespan(300)))).isEmpty();
        assertThat(HygieneRules.shortLivedAccessTokens(TIDY.inRealm(lifespan(3600)))).as("exactly the limit").isEmpty();

        Violation realmWide = HygieneRules.shortLivedAccessTokens(TIDY.inRealm(lifespan(3601))).orElseThrow();
        assertThat(realmWide.setting().name()).isEqualTo("attributes.access.token.lifespan");
        assertThat(realmWide.setting().value()).isEqualTo("3601 (the realm's lifespan)");
        assertThat(realmWide.setting().fix()).contains("Realm settings > Tokens");
        assertThat(realmWide.setting().safeValue()).as("how short is the operator's choice").isNull();

        ClientSettings ownDay = TIDY.with(ClientSetting.ACCESS_TOKEN_LIFESPAN, "86400").inRealm(lifespan(300));
        assertThat(HygieneRules.shortLivedAccessTokens(ownDay)).hasValueSatisfying(v -> {
            assertThat(v.setting().value()).isEqualTo("86400");
            assertThat(v.description()).startsWith("access tokens live 86400 seconds, longer than 60 minutes");
        });
        assertThat(HygieneRules.shortLivedAccessTokens(TIDY.with(ClientSetting.ACCESS_TOKEN_LIFESPAN, " 900 ").inRealm(lifespan(86400))))
                .as("the client's own lifespan wins over the realm's").isEmpty();
        assertThat(HygieneRules.shortLivedAccessTokens(TIDY.with(ClientSetting.ACCESS_TOKEN_LIFESPAN, "-1")))
                .hasValueSatisfying(v -> assertThat(v.description()).startsWith("access tokens live until the user's session ends"));
        assertThat(HygieneRules.shortLivedAccessTokens(TIDY.with(ClientSetting.ACCESS_TOKEN_LIFESPAN, "86400").with(ClientSetting.BEARER_ONLY, true)))
                .as("a bearer-only client is issued no token").isEmpty();
        ClientSettings service = new ClientSettings("service", false, List.of(), null, false, false, false)
                .with(ClientSetting.SERVICE_ACCOUNTS, true).with(ClientSetting.ACCESS_TOKEN_LIFESPAN, "7200");
        assertThat(HygieneRules.shortLivedAccessTokens(service)).as("a service account's tokens too").isPresent();
    }

    @Test
    void registrationsAreJudgedOnWhatTheyAddAndRequestingClientsAsStored() {
        ClientSettings wide = TIDY.with(ClientSetting.WEB_ORIGINS, List.of("*"));
        assertThat(rules(Baseline.oauth21().check(Phase.REGISTRATION, ClientRegistration.judgedInFull(wide))))
                .containsExactly(Baseline.EXACT_WEB_ORIGINS);
        assertThat(Baseline.oauth21().check(Phase.REGISTRATION, new ClientRegistration(wide, wide)))
                .as("an update that keeps the wildcard adds nothing").isEmpty();

        assertThat(Baseline.oauth21().check(Phase.AUTHORIZATION,
                new AuthorizationRequest(wide, "code", "https://app.example.com/cb", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "S256"))).as("a request's own checks").isEmpty();
        List<Finding> onRequest = Baseline.oauth21().check(Phase.CLIENT_REQUEST, wide);
        assertThat(rules(onRequest)).containsExactly(Baseline.EXACT_WEB_ORIGINS);
        assertThat(onRequest.get(0).error()).isEqualTo("unauthorized_client");
        assertThat(onRequest.get(0).errorDescription()).startsWith("Keyward rule exact-web-origins: the client's configuration breaks a rule:");
    }

    @Test
    void blanketModesTakeTheHygieneRulesAtMostToReportButTheirOwnModeCounts() {
        Problems problems = new Problems();
        BaselineConfig enforceAll = BaselineConfig.read(Map.of("mode", "enforce"), Baseline.oauth21(), problems);
        assertThat(enforceAll.modeOf(Baseline.PKCE_REQUIRED)).isEqualTo(Mode.ENFORCE);
        assertThat(enforceAll.modeOf(Baseline.LIMITED_PUBLIC_CLIENT_SCOPE)).isEqualTo(Mode.REPORT);
        assertThat(BaselineConfig.read(Map.of("mode", "off"), Baseline.oauth21(), problems).modeOf(Baseline.EXACT_WEB_ORIGINS)).isEqualTo(Mode.OFF);
        assertThat(BaselineConfig.read(Map.of("rule-exact-web-origins", "enforce"), Baseline.oauth21(), problems)
                .modeOf(Baseline.EXACT_WEB_ORIGINS)).isEqualTo(Mode.ENFORCE);
        assertThat(problems.isEmpty()).isTrue();
        assertThat(Baseline.oauth21().blanketCeilings()).containsOnlyKeys(Baseline.EXACT_WEB_ORIGINS, Baseline.EXACT_POST_LOGOUT_REDIRECT_URI,
                Baseline.LIMITED_PUBLIC_CLIENT_SCOPE, Baseline.SEPARATE_SERVICE_ACCOUNT, Baseline.CODE_FLOW_NEEDS_REDIRECT_URI,
                Baseline.NO_DEFAULT_OFFLINE_ACCESS, Baseline.SHORT_LIVED_ACCESS_TOKENS);
    }

    private static RealmSettings lifespan(int accessTokenSeconds) {
        return new RealmSettings(null, null, accessTokenSeconds, null, null, null, null);
    }

    private static List<RuleId> rules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).toList();
    }
}
