package dev.keyward.oauth21.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.keyward.oauth21.baseline.Baseline;
import dev.keyward.oauth21.baseline.BaselineConfig;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.Finding;
import dev.keyward.oauth21.rule.Mode;
import dev.keyward.oauth21.rule.Phase;
import dev.keyward.oauth21.rule.RuleId;
import dev.keyward.oauth21.rule.TokenRequest;
import dev.keyward.oauth21.rule.Verdict;
import dev.keyward.settings.Problems;
import org.junit.jupiter.api.Test;

/**
 * The "Add a rule" walkthrough of docs/architecture.md, proved: the example rule goes through
 * the same registration as the real ones ({@link Baseline#oauth21Rules()}), and from then on the
 * server option, the modes and the findings know it without further code.
 */
class AddARuleTest {

    static final RuleId PUBLIC_CLIENT_CREDENTIALS = RuleId.of("public-client-credentials");

    private final Baseline baseline = new Baseline(Baseline.oauth21Rules()
            .rule(PUBLIC_CLIENT_CREDENTIALS, rule -> rule.check(Phase.TOKEN, PublicClientCredentialsRules::confidentialClientsOnly))
            .build());
    private final TokenRequest publicClientCredentials =
            new TokenRequest(new ClientSettings("spa", true, List.of()), "client_credentials", null);

    @Test
    void theRegisteredRuleJudgesItsPhaseNextToTheRealOnes() {
        assertThat(baseline.ruleIds()).endsWith(PUBLIC_CLIENT_CREDENTIALS).contains(Baseline.PKCE_REQUIRED);
        assertThat(baseline.check(Phase.TOKEN, publicClientCredentials)).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(PUBLIC_CLIENT_CREDENTIALS);
            assertThat(finding.errorDescription()).startsWith("Keyward rule public-client-credentials: a public client");
        });
        assertThat(baseline.check(Phase.TOKEN, new TokenRequest(new ClientSettings("svc", false, List.of()), "client_credentials", null)))
                .isEmpty();
    }

    @Test
    void itGetsAServerOptionAndAModeLikeEveryRule() {
        Problems problems = new Problems();
        BaselineConfig config = BaselineConfig.read(Map.of("rule-public-client-credentials", "report"), baseline, problems);

        assertThat(problems.isEmpty()).isTrue();
        assertThat(BaselineConfig.optionNames(baseline)).contains("rule-public-client-credentials");
        assertThat(config.modeOf(PUBLIC_CLIENT_CREDENTIALS)).isEqualTo(Mode.REPORT);
        List<Finding> findings = baseline.check(Phase.TOKEN, publicClientCredentials);
        assertThat(Verdict.of(findings, config::modeOf).refusal()).isEmpty();
        assertThat(Verdict.of(findings, config::modeOf).recorded()).hasSize(1);
    }

    @Test
    void theRealBaselineDoesNotHaveIt() {
        assertThat(Baseline.oauth21().ruleIds()).doesNotContain(PUBLIC_CLIENT_CREDENTIALS);
        assertThat(Baseline.oauth21().check(Phase.TOKEN, publicClientCredentials)).isEmpty();
    }
}
