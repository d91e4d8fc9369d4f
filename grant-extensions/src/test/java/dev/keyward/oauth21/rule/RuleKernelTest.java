package dev.keyward.oauth21.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RuleKernelTest {

    private static final RuleId FIRST = RuleId.of("first");
    private static final RuleId SECOND = RuleId.of("second");
    private static final TokenRequest PASSWORD = new TokenRequest(new ClientSettings("c", true, List.of()), "password", null);

    @Test
    void checksRunInTheirPhaseOnlyUnderTheIdOfTheirRule() {
        RuleSet rules = RuleSet.builder()
                .rule(FIRST, rule -> rule.check(Phase.TOKEN, request -> Optional.of(Violation.of("invalid_request", "one"))))
                .rule(SECOND, rule -> rule.check(Phase.REGISTRATION, client -> Optional.of(Violation.of("invalid_request", "two"))))
                .build();

        assertThat(rules.check(Phase.TOKEN, PASSWORD)).containsExactly(new Finding(FIRST, Violation.of("invalid_request", "one")));
        assertThat(rules.check(Phase.REFRESH, new RefreshRequest(true, false, false))).isEmpty();
        assertThat(rules.ids()).containsExactly(FIRST, SECOND);
    }

    @Test
    void rulesJudgedFirstInAPhaseComeFirstAndTheRestKeepTheirOrder() {
        RuleId third = RuleId.of("third");
        RuleSet rules = RuleSet.builder()
                .rule(FIRST, rule -> rule.check(Phase.TOKEN, request -> Optional.of(Violation.of("e", "1"))))
                .rule(SECOND, rule -> rule.check(Phase.TOKEN, request -> Optional.of(Violation.of("e", "2"))))
                .rule(third, rule -> rule.check(Phase.TOKEN, request -> Optional.of(Violation.of("e", "3"))))
                .judgeFirst(Phase.TOKEN, third)
                .build();

        assertThat(rules.check(Phase.TOKEN, PASSWORD)).extracting(Finding::rule).containsExactly(third, FIRST, SECOND);
        assertThat(rules.ids()).containsExactly(FIRST, SECOND, third);
    }

    @Test
    void aRuleIsRegisteredOnce() {
        assertThatThrownBy(() -> RuleSet.builder().rule(FIRST, rule -> {
        }).rule(FIRST, rule -> {
        })).hasMessage("Rule first is registered twice");
    }

    @Test
    void ruleIdsAreLowerCaseWordsJoinedByDashes() {
        assertThat(RuleId.of("pkce-required").id()).isEqualTo("pkce-required");
        for (String bad : new String[] {"", "PKCE", "pkce_required", "-pkce", "pkce-", "pkce required"}) {
            assertThatThrownBy(() -> RuleId.of(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theVerdictRecordsWhatIsNotOffAndRefusesWithTheFirstEnforcedFinding() {
        Finding reported = new Finding(FIRST, Violation.of("invalid_request", "one"));
        Finding enforced = new Finding(SECOND, Violation.of("invalid_grant", "two").with(Violation.Effect.REVOKE_TOKEN_FAMILY));
        Finding off = new Finding(RuleId.of("third"), Violation.of("invalid_grant", "three"));
        Map<RuleId, Mode> modes = Map.of(FIRST, Mode.REPORT, SECOND, Mode.ENFORCE, off.rule(), Mode.OFF);

        Verdict verdict = Verdict.of(List.of(reported, enforced, off), modes::get);

        assertThat(verdict.recorded()).containsExactly(new Verdict.Judged(reported, Mode.REPORT), new Verdict.Judged(enforced, Mode.ENFORCE));
        assertThat(verdict.refusal()).contains(enforced);
        assertThat(verdict.effects()).containsExactly(Violation.Effect.REVOKE_TOKEN_FAMILY);
    }

    @Test
    void aReportedFindingHasNoEffects() {
        Finding replay = new Finding(FIRST, Violation.of("invalid_grant", "replay").with(Violation.Effect.REVOKE_TOKEN_FAMILY));

        Verdict verdict = Verdict.of(List.of(replay), rule -> Mode.REPORT);

        assertThat(verdict.refusal()).isEmpty();
        assertThat(verdict.effects()).isEmpty();
    }

    @Test
    void modesParseAndOrder() {
        assertThat(Mode.parse(" Report ")).contains(Mode.REPORT);
        assertThat(Mode.parse("block")).isEmpty();
        assertThat(Mode.parse(null)).isEmpty();
        assertThat(Mode.REPORT.stricter(Mode.ENFORCE)).isEqualTo(Mode.ENFORCE);
        assertThat(Mode.ENFORCE.stricter(Mode.OFF)).isEqualTo(Mode.ENFORCE);
        assertThat(Mode.OFF.stricter(Mode.REPORT)).isEqualTo(Mode.REPORT);
        assertThat(Mode.ids()).containsExactly("off", "report", "enforce");
    }

    @Test
    void theErrorDescriptionNamesTheRule() {
        assertThat(new Finding(FIRST, Violation.of("invalid_request", "what differed")).errorDescription())
                .isEqualTo(Finding.DESCRIPTION_PREFIX + "first: what differed")
                .startsWith("Keyward rule ");
    }

    @Test
    void anErrorDescriptionFitsKeycloaksEventColumnWhateverTheValueInIt() {
        Finding shortOne = new Finding(FIRST, Violation.of("invalid_request", "one"));
        Finding longOne = new Finding(FIRST, Violation.of("invalid_redirect_uri", "redirect URI '" + "x".repeat(20_000) + "' is not allowed"));

        assertThat(shortOne.errorDescription()).isEqualTo(Finding.DESCRIPTION_PREFIX + FIRST.id() + ": one");
        assertThat(longOne.errorDescription()).hasSize(Finding.MAX_ERROR_DESCRIPTION)
                .startsWith(Finding.DESCRIPTION_PREFIX + FIRST.id() + ": redirect URI 'xxx").endsWith("...");
    }
}
