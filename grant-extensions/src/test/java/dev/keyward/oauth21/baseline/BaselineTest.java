package dev.keyward.oauth21.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class BaselineTest {

    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final ClientSettings SPA = new ClientSettings("spa", true, List.of("https://app.example/cb", "http://127.0.0.1/cb"));
    private final Baseline baseline = Baseline.oauth21();

    @Test
    void aCompliantCodeFlowPassesEveryCheck() {
        AuthorizationRequest request = new AuthorizationRequest(SPA, "code", "http://127.0.0.1:51000/cb", CHALLENGE, "S256");

        assertThat(baseline.checkRedirect(request)).isEmpty();
        assertThat(baseline.checkAuthorization(request)).isEmpty();
        assertThat(baseline.checkToken(new TokenRequest(SPA, "authorization_code", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))).isEmpty();
        assertThat(baseline.checkToken(new TokenRequest(SPA, "refresh_token", null))).isEmpty();
        assertThat(baseline.checkToken(new TokenRequest(SPA, "client_credentials", null))).isEmpty();
        assertThat(baseline.checkClient(SPA)).isEmpty();
    }

    @Test
    void anImplicitRequestBreaksTheResponseTypeRuleOnly() {
        AuthorizationRequest request = new AuthorizationRequest(SPA, "token", "https://app.example/cb", null, null);

        assertThat(baseline.checkAuthorization(request)).extracting(Finding::rule).containsExactly(RuleId.NO_IMPLICIT_OR_HYBRID);
    }

    @Test
    void aHybridRequestWithoutPkceBreaksBothRules() {
        AuthorizationRequest request = new AuthorizationRequest(SPA, "code id_token", "https://app.example/cb", null, null);

        assertThat(baseline.checkAuthorization(request)).extracting(Finding::rule)
                .containsExactly(RuleId.NO_IMPLICIT_OR_HYBRID, RuleId.PKCE_REQUIRED);
        assertThat(baseline.checkAuthorization(request)).extracting(Finding::error)
                .containsExactly("unsupported_response_type", "invalid_request");
    }

    @Test
    void thePasswordGrantIsRefusedAsUnsupported() {
        assertThat(baseline.checkToken(new TokenRequest(SPA, "password", null)))
                .singleElement().satisfies(f -> {
                    assertThat(f.rule()).isEqualTo(RuleId.NO_PASSWORD_GRANT);
                    assertThat(f.error()).isEqualTo("unsupported_grant_type");
                    assertThat(f.errorDescription()).startsWith("Keyward rule no-password-grant: ");
                });
    }

    @Test
    void aRedirectUriOffTheListIsReportedWithTheClosestRegisteredOne() {
        AuthorizationRequest request = new AuthorizationRequest(SPA, "code", "https://app.example/cb/../x", CHALLENGE, "S256");

        assertThat(baseline.checkRedirect(request)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleId.EXACT_REDIRECT_URI);
            assertThat(f.description()).endsWith("the closest registered URI is https://app.example/cb");
        });
    }

    @Test
    void modesParseAndOrder() {
        assertThat(Mode.parse("mode", " Report ")).isEqualTo(Mode.REPORT);
        assertThat(Mode.REPORT.stricter(Mode.ENFORCE)).isEqualTo(Mode.ENFORCE);
        assertThat(Mode.ENFORCE.stricter(Mode.OFF)).isEqualTo(Mode.ENFORCE);
        assertThat(Mode.OFF.stricter(Mode.REPORT)).isEqualTo(Mode.REPORT);
        assertThatThrownBy(() -> Mode.parse("rule-pkce-required", "block"))
                .hasMessage("Keyward: rule-pkce-required is 'block' but must be one of off, report, enforce");
    }

    @Test
    void ruleIdsRoundTrip() {
        for (RuleId rule : RuleId.values()) {
            assertThat(RuleId.fromId(rule.id())).contains(rule);
        }
        assertThat(RuleId.fromId("pkce")).isEmpty();
    }
}
