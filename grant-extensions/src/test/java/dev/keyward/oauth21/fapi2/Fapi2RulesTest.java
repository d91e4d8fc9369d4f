package dev.keyward.oauth21.fapi2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.keyward.oauth21.baseline.Baseline;
import dev.keyward.oauth21.baseline.BaselineConfig;
import dev.keyward.oauth21.modes.ModePolicy;
import dev.keyward.oauth21.rule.AuthorizationRequest;
import dev.keyward.oauth21.rule.ClientAssertion;
import dev.keyward.oauth21.rule.ClientRegistration;
import dev.keyward.oauth21.rule.ClientSetting;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.Finding;
import dev.keyward.oauth21.rule.Mode;
import dev.keyward.oauth21.rule.Phase;
import dev.keyward.oauth21.rule.Profile;
import dev.keyward.oauth21.rule.RealmSettings;
import dev.keyward.oauth21.rule.RuleId;
import dev.keyward.oauth21.rule.RuleSet;
import dev.keyward.oauth21.rule.TokenRequest;
import dev.keyward.oauth21.rule.Violation;
import dev.keyward.settings.Problems;

class Fapi2RulesTest {

    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    /** Keycloak's defaults for a realm: codes 60 s, request_uri 60 s, no rotation, RS256. */
    private static final RealmSettings KEYCLOAK_REALM = new RealmSettings(Profile.OAUTH21, Set.of(), 300, 60, 60, false, "RS256");
    private static final RealmSettings FAPI2_REALM = new RealmSettings(Profile.FAPI2, Set.of("admin-console"), 300, 60, 60, false, "RS256");
    /** A FAPI 2.0 client as Keycloak stores one that meets the profile. */
    private static final ClientSettings BANK = new ClientSettings("bank", false, List.of("https://bank.example/cb"), "S256", true, false, false)
            .with(ClientSetting.FULL_SCOPE_ALLOWED, false)
            .with(ClientSetting.PROFILE, "fapi2")
            .with(ClientSetting.CLIENT_AUTHENTICATOR, "client-jwt")
            .with(ClientSetting.CLIENT_ASSERTION_SIGNATURE_ALGORITHM, "PS256")
            .with(ClientSetting.REQUIRE_PUSHED_AUTHORIZATION_REQUESTS, "true")
            .with(ClientSetting.DPOP_BOUND_TOKENS, "true")
            .with(ClientSetting.ID_TOKEN_SIGNATURE_ALGORITHM, "PS256")
            .with(ClientSetting.ACCESS_TOKEN_SIGNATURE_ALGORITHM, "ES256")
            .inRealm(KEYCLOAK_REALM);
    private final Baseline baseline = Baseline.oauth21();

    @Test
    void aClientThatMeetsFapi2HasNoFindingAndItsPushedDpopFlowPasses() {
        assertThat(baseline.checkStoredClient(BANK)).isEmpty();
        AuthorizationRequest pushed = new AuthorizationRequest(BANK, "code", "https://bank.example/cb", CHALLENGE, "S256", true);
        assertThat(baseline.check(Phase.PUSH, pushed)).isEmpty();
        assertThat(baseline.check(Phase.AUTHORIZATION, pushed)).isEmpty();
        assertThat(baseline.check(Phase.TOKEN, new TokenRequest(BANK, "authorization_code", "verifier-".repeat(5), true))).isEmpty();
    }

    @Test
    void theProfileIsTheStricterOfTheRealmsAndTheClientsAndAnUnknownValueRaisesNothing() {
        ClientSettings plain = BANK.with(ClientSetting.PROFILE, null);
        assertThat(plain.profile()).isEqualTo(Profile.OAUTH21);
        assertThat(BANK.profile()).isEqualTo(Profile.FAPI2);
        assertThat(plain.inRealm(FAPI2_REALM).profile()).isEqualTo(Profile.FAPI2);
        assertThat(plain.with(ClientSetting.PROFILE, "oauth21").inRealm(FAPI2_REALM).profile()).as("a client cannot lower its realm's").isEqualTo(Profile.FAPI2);
        assertThat(plain.with(ClientSetting.PROFILE, "fapi3").profile()).isEqualTo(Profile.OAUTH21);
        ClientSettings console = new ClientSettings("admin-console", true, List.of("https://sso.example/admin/*"));
        assertThat(console.inRealm(FAPI2_REALM).profile()).as("a console the realm's profile does not raise").isEqualTo(Profile.OAUTH21);
        assertThat(console.with(ClientSetting.PROFILE, "fapi2").inRealm(FAPI2_REALM).profile()).as("unless raised itself").isEqualTo(Profile.FAPI2);
        assertThat(console.with(ClientSetting.PROFILE, "fapi2").inRealm(FAPI2_REALM).realmProfile()).as("which the report tells apart")
                .isEqualTo(Profile.OAUTH21);
        assertThat(BANK.realmProfile()).as("raised by itself alone").isEqualTo(Profile.OAUTH21);
        assertThat(plain.inRealm(FAPI2_REALM).realmProfile()).isEqualTo(Profile.FAPI2);
        assertThat(plain.with(ClientSetting.BEARER_ONLY, true).inRealm(FAPI2_REALM).profile()).as("a resource server takes part in no flow")
                .isEqualTo(Profile.OAUTH21);
        assertThat(plain.with(ClientSetting.CLIENT_ID, null).inRealm(FAPI2_REALM).profile())
                .as("a dynamic registration names no client ID yet; the realm's profile holds it").isEqualTo(Profile.FAPI2);
    }

    @Test
    void theFapi2RulesJudgeOnlyClientsOfTheProfile() {
        ClientSettings spa = new ClientSettings("spa", true, List.of("https://spa.example/cb")).with(ClientSetting.FULL_SCOPE_ALLOWED, false)
                .inRealm(KEYCLOAK_REALM);
        assertThat(fapi2Rules(baseline.checkStoredClient(spa))).isEmpty();
        assertThat(baseline.check(Phase.AUTHORIZATION, new AuthorizationRequest(spa, "code", "https://spa.example/cb", CHALLENGE, "S256"))).isEmpty();

        assertThat(fapi2Rules(baseline.checkStoredClient(spa.inRealm(FAPI2_REALM)))).containsExactlyInAnyOrder(Baseline.FAPI2_PUSHED_REQUESTS,
                Baseline.FAPI2_CONFIDENTIAL_CLIENT, Baseline.FAPI2_SENDER_CONSTRAINED_TOKENS, Baseline.FAPI2_SIGNING_ALGORITHMS);
    }

    @Test
    void onlyPushedRequestsWithTheirRedirectUri() {
        AuthorizationRequest front = new AuthorizationRequest(BANK, "code", "https://bank.example/cb", CHALLENGE, "S256");
        assertThat(rules(baseline.check(Phase.AUTHORIZATION, front))).containsExactly(Baseline.FAPI2_PUSHED_REQUESTS);
        assertThat(baseline.check(Phase.AUTHORIZATION, front).get(0).error()).isEqualTo("invalid_request");

        AuthorizationRequest withoutRedirect = new AuthorizationRequest(BANK, "code", null, CHALLENGE, "S256", true);
        assertThat(rules(baseline.check(Phase.PUSH, withoutRedirect))).containsExactly(Baseline.FAPI2_PUSHED_REDIRECT_URI);

        Violation notRequired = Fapi2Rules.pushedRequestsRequired(BANK.with(ClientSetting.REQUIRE_PUSHED_AUTHORIZATION_REQUESTS, null)).orElseThrow();
        assertThat(notRequired.setting().name()).isEqualTo("attributes.require.pushed.authorization.requests");
        assertThat(notRequired.setting().safeValue()).isEqualTo("true");
    }

    @Test
    void aConfidentialClientWithKeyBasedAuthentication() {
        assertThat(Fapi2Rules.confidentialClient(BANK.with(ClientSetting.PUBLIC_CLIENT, true))).isPresent();
        Violation secret = Fapi2Rules.keyBasedClientAuthentication(BANK.with(ClientSetting.CLIENT_AUTHENTICATOR, "client-secret")).orElseThrow();
        assertThat(secret.setting().name()).isEqualTo("clientAuthenticatorType");
        assertThat(secret.setting().safeValue()).as("a client's authentication is never rewritten").isNull();
        assertThat(Fapi2Rules.keyBasedClientAuthentication(BANK.with(ClientSetting.CLIENT_AUTHENTICATOR, "client-x509"))).as("mutual TLS").isEmpty();
        assertThat(Fapi2Rules.keyBasedClientAuthentication(BANK.with(ClientSetting.CLIENT_AUTHENTICATOR, null)))
                .as("Keycloak's default is a client secret").isPresent();
    }

    @Test
    void aClientAssertionNamesTheIssuerAsItsOnlyAudienceAsAString() {
        String issuer = "https://sso.example/realms/bank";
        assertThat(baseline.check(Phase.CLIENT_AUTHENTICATION, new ClientAssertion(BANK, List.of(issuer), false, issuer))).isEmpty();
        List<Finding> endpoint = baseline.check(Phase.CLIENT_AUTHENTICATION,
                new ClientAssertion(BANK, List.of(issuer + "/protocol/openid-connect/token"), false, issuer));
        assertThat(rules(endpoint)).containsExactly(Baseline.FAPI2_CLIENT_AUTHENTICATION);
        assertThat(endpoint.get(0).error()).isEqualTo("invalid_client");
        assertThat(Fapi2Rules.issuerAsAssertionAudience(new ClientAssertion(BANK, List.of(issuer, "https://other.example"), true, issuer)))
                .as("the issuer among others").isPresent();
        assertThat(Fapi2Rules.issuerAsAssertionAudience(new ClientAssertion(BANK, List.of(issuer), true, issuer))).as("an array of just the issuer")
                .hasValueSatisfying(violation -> assertThat(violation.description()).contains("it names the array [" + issuer + "]"));
        assertThat(Fapi2Rules.issuerAsAssertionAudience(new ClientAssertion(BANK, List.of(), false, issuer))).as("no aud").isPresent();
        assertThat(baseline.check(Phase.CLIENT_AUTHENTICATION, new ClientAssertion(BANK.with(ClientSetting.PROFILE, null), List.of("x"), false, issuer)))
                .as("an OAuth 2.1 client: Keycloak's own audience rules").isEmpty();
        assertThat(baseline.judges(Phase.CLIENT_AUTHENTICATION, BANK)).isTrue();
        assertThat(baseline.judges(Phase.CLIENT_AUTHENTICATION, BANK.with(ClientSetting.PROFILE, null)))
                .as("so the adapter does not decode an OAuth 2.1 client's assertions").isFalse();
        assertThat(baseline.judges(Phase.TOKEN, BANK.with(ClientSetting.PROFILE, null))).as("OAuth 2.1's own token checks").isTrue();
    }

    @Test
    void tokensAreSenderConstrainedWithDpopOrACertificate() {
        Violation off = Fapi2Rules.senderConstrainedConfigured(BANK.with(ClientSetting.DPOP_BOUND_TOKENS, null)).orElseThrow();
        assertThat(off.setting().name()).isEqualTo("attributes.dpop.bound.access.tokens");
        assertThat(off.setting().safeValue()).isEqualTo("true");
        assertThat(Fapi2Rules.senderConstrainedConfigured(BANK.with(ClientSetting.DPOP_BOUND_TOKENS, null)
                .with(ClientSetting.CERTIFICATE_BOUND_TOKENS, "true"))).isEmpty();

        List<Finding> noProof = baseline.check(Phase.TOKEN, new TokenRequest(BANK, "authorization_code", "verifier-".repeat(5), false));
        assertThat(rules(noProof)).containsExactly(Baseline.FAPI2_SENDER_CONSTRAINED_TOKENS);
        assertThat(noProof.get(0).error()).isEqualTo("invalid_dpop_proof");
    }

    @Test
    void theRealmsLifespansRotationAndTheIssuerInTheResponse() {
        assertThat(Fapi2Rules.issuerInResponse(BANK.with(ClientSetting.EXCLUDE_ISSUER_FROM_AUTH_RESPONSE, "true")))
                .hasValueSatisfying(v -> assertThat(v.setting().safeValue()).isEqualTo("false"));
        assertThat(Fapi2Rules.shortLivedCodes(BANK.inRealm(new RealmSettings(Profile.OAUTH21, Set.of(), 300, 61, 60, false, "RS256"))))
                .hasValueSatisfying(v -> assertThat(v.description()).startsWith("authorization codes live 61 seconds; FAPI 2.0 allows at most 60"));
        assertThat(Fapi2Rules.shortLivedRequestUris(BANK.inRealm(new RealmSettings(Profile.OAUTH21, Set.of(), 300, 60, 599, false, "RS256")))).isEmpty();
        assertThat(Fapi2Rules.shortLivedRequestUris(BANK.inRealm(new RealmSettings(Profile.OAUTH21, Set.of(), 300, 60, 600, false, "RS256")))).isPresent();
        assertThat(Fapi2Rules.noRefreshTokenRotation(BANK.inRealm(new RealmSettings(Profile.OAUTH21, Set.of(), 300, 60, 60, true, "RS256")))).isPresent();
        assertThat(Fapi2Rules.noRefreshTokenRotation(BANK.inRealm(RealmSettings.UNKNOWN))).as("not known: nothing to judge").isEmpty();
    }

    @Test
    void tokensAndAssertionsAreSignedWithPs256Es256OrEdDsa() {
        Violation inherited = Fapi2Rules.idTokenSignature(BANK.with(ClientSetting.ID_TOKEN_SIGNATURE_ALGORITHM, null)).orElseThrow();
        assertThat(inherited.setting().value()).as("the realm's default").isEqualTo("RS256");
        assertThat(inherited.setting().safeValue()).isEqualTo("PS256");
        assertThat(Fapi2Rules.accessTokenSignature(BANK.with(ClientSetting.ACCESS_TOKEN_SIGNATURE_ALGORITHM, "HS256"))).isPresent();
        assertThat(Fapi2Rules.accessTokenSignature(BANK.with(ClientSetting.ACCESS_TOKEN_SIGNATURE_ALGORITHM, "EdDSA"))).isEmpty();

        Violation anyAlgorithm = Fapi2Rules.clientAssertionSignature(BANK.with(ClientSetting.CLIENT_ASSERTION_SIGNATURE_ALGORITHM, null)).orElseThrow();
        assertThat(anyAlgorithm.description()).startsWith("the client's assertions are accepted with any algorithm");
        assertThat(anyAlgorithm.setting().safeValue()).as("which one depends on the client's key").isNull();
        assertThat(Fapi2Rules.clientAssertionSignature(BANK.with(ClientSetting.CLIENT_ASSERTION_SIGNATURE_ALGORITHM, "RS256"))).isPresent();
        assertThat(Fapi2Rules.clientAssertionSignature(BANK.with(ClientSetting.CLIENT_AUTHENTICATOR, "client-x509")
                .with(ClientSetting.CLIENT_ASSERTION_SIGNATURE_ALGORITHM, null))).as("no assertions with mutual TLS").isEmpty();
    }

    @Test
    void enforcedConfigurationRefusesTheClientsRequestsAndARegistrationOnlyWhatItAdds() {
        ClientSettings withSecret = BANK.with(ClientSetting.CLIENT_AUTHENTICATOR, "client-secret");
        List<Finding> onRequest = baseline.check(Phase.CLIENT_REQUEST, withSecret);
        assertThat(rules(onRequest)).containsExactly(Baseline.FAPI2_CLIENT_AUTHENTICATION);
        assertThat(onRequest.get(0).error()).isEqualTo("unauthorized_client");
        assertThat(baseline.check(Phase.REGISTRATION, new ClientRegistration(withSecret, withSecret))).isEmpty();
        assertThat(rules(baseline.check(Phase.REGISTRATION, new ClientRegistration(withSecret, BANK))))
                .containsExactly(Baseline.FAPI2_CLIENT_AUTHENTICATION);
        assertThat(baseline.check(Phase.CLIENT_REQUEST, BANK.with(ClientSetting.DPOP_BOUND_TOKENS, null)))
                .as("the token request's own check judges DPoP; the stored switch is the report's").isEmpty();
    }

    @Test
    void raisingAClientToFapi2AddsEveryProblemFapi2FindsAndReturningItAddsNone() {
        ClientSettings oauth21WithSecret = BANK.with(ClientSetting.CLIENT_AUTHENTICATOR, "client-secret").with(ClientSetting.PROFILE, null);
        ClientSettings raised = oauth21WithSecret.with(ClientSetting.PROFILE, "fapi2");
        assertThat(rules(baseline.check(Phase.REGISTRATION, new ClientRegistration(raised, oauth21WithSecret))))
                .as("the stored client was not held to FAPI 2.0").containsExactly(Baseline.FAPI2_CLIENT_AUTHENTICATION);
        assertThat(baseline.check(Phase.REGISTRATION, new ClientRegistration(oauth21WithSecret, raised))).isEmpty();
    }

    @Test
    void aRuleOfAProfileMustJudgeSubjectsThatNameTheirClient() {
        assertThatThrownBy(() -> RuleSet.builder().rule(RuleId.of("x"), rule -> rule.profile(Profile.FAPI2)
                .check(Phase.REFRESH, request -> Optional.empty())))
                .hasMessageContaining("phase refresh names no client");
    }

    @Test
    void aRealmRaisesItsProfileAndTightensTheFapi2RulesWithItsOwnBlanketMode() {
        List<String> problems = new ArrayList<>();
        ModePolicy policy = new ModePolicy(BaselineConfig.read(Map.of(), baseline, new Problems()), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

        assertThat(policy.realmProfile(Map.of("keyward.profile", "fapi2")::get, problems::add)).isEqualTo(Profile.FAPI2);
        assertThat(policy.realmProfile(Map.<String, String>of()::get, problems::add)).isEqualTo(Profile.OAUTH21);
        assertThat(policy.realmProfile(Map.of("keyward.profile", "open-banking")::get, problems::add)).isEqualTo(Profile.OAUTH21);
        assertThat(problems).containsExactly("keyward.profile is 'open-banking' but must be one of oauth21, fapi2; it is ignored");

        assertThat(policy.realmMode(Baseline.FAPI2_PUSHED_REQUESTS, Map.<String, String>of()::get, problems::add).mode()).isEqualTo(Mode.REPORT);
        assertThat(policy.realmMode(Baseline.FAPI2_PUSHED_REQUESTS, Map.of("keyward.oauth21.mode", "enforce")::get, problems::add).mode())
                .as("the OAuth 2.1 blanket is not FAPI 2.0's").isEqualTo(Mode.REPORT);
        assertThat(policy.realmMode(Baseline.FAPI2_PUSHED_REQUESTS, Map.of("keyward.fapi2.mode", "enforce")::get, problems::add).mode())
                .isEqualTo(Mode.ENFORCE);
        assertThat(policy.realmMode(Baseline.PKCE_REQUIRED, Map.of("keyward.fapi2.mode", "off")::get, problems::add).mode()).isEqualTo(Mode.ENFORCE);
    }

    private static List<RuleId> rules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).toList();
    }

    private List<RuleId> fapi2Rules(List<Finding> findings) {
        return rules(findings).stream().filter(rule -> baseline.profile(rule) == Profile.FAPI2).distinct().toList();
    }
}
