package dev.keyward.oauth21.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import dev.keyward.oauth21.rule.Mode;
import dev.keyward.oauth21.rule.Profile;
import dev.keyward.settings.Problems;
import org.junit.jupiter.api.Test;

class BaselineConfigTest {

    private final Baseline baseline = Baseline.oauth21();
    private final Problems problems = new Problems();

    private BaselineConfig read(Map<String, String> options) {
        return BaselineConfig.read(options, baseline, problems);
    }

    @Test
    void everyOAuth21RuleEnforcesAndEveryHygieneAndFapi2RuleReportsWhenNothingIsConfigured() {
        BaselineConfig config = read(Map.of());
        assertThat(config.effectiveModes()).hasSize(baseline.ruleIds().size()).allSatisfy((rule, mode) ->
                assertThat(mode).as(rule.id()).isEqualTo(baseline.blanketCeilings().containsKey(rule) || baseline.profile(rule) == Profile.FAPI2
                        ? Mode.REPORT : Mode.ENFORCE));
        assertThat(baseline.blanketCeilings()).hasSize(7);
        assertThat(baseline.ruleIds()).filteredOn(rule -> baseline.profile(rule) == Profile.FAPI2).hasSize(11);
        assertThat(config.profile()).isEqualTo(Profile.OAUTH21);
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void theFapi2RulesTakeTheirBlanketModeFromFapi2ModeAndTheServerMayRaiseEveryRealmsProfile() {
        BaselineConfig config = read(Map.of("mode", "report", "fapi2-mode", "enforce", "profile", "FAPI2"));

        assertThat(config.modeOf(Baseline.FAPI2_PUSHED_REQUESTS)).isEqualTo(Mode.ENFORCE);
        assertThat(config.modeOf(Baseline.PKCE_REQUIRED)).isEqualTo(Mode.REPORT);
        assertThat(config.profile()).isEqualTo(Profile.FAPI2);
        read(Map.of("profile", "fapi"));
        assertThat(problems.messages()).containsExactly("profile 'fapi' is not one of oauth21, fapi2.");
    }

    @Test
    void aRuleModeWinsOverTheGlobalMode() {
        BaselineConfig config = read(Map.of("mode", "report", "rule-pkce-required", "enforce", "rule-no-password-grant", "off"));

        assertThat(config.modeOf(Baseline.PKCE_REQUIRED)).isEqualTo(Mode.ENFORCE);
        assertThat(config.modeOf(Baseline.NO_PASSWORD_GRANT)).isEqualTo(Mode.OFF);
        assertThat(config.modeOf(Baseline.EXACT_REDIRECT_URI)).isEqualTo(Mode.REPORT);
    }

    @Test
    void aBadModeIsAProblemNamingTheOption() {
        read(Map.of("mode", "audit", "rule-exact-redirect-uri", ""));

        assertThat(problems.messages()).containsExactly("mode 'audit' is not one of off, report, enforce.",
                "rule-exact-redirect-uri '' is not one of off, report, enforce.");
    }

    @Test
    void aMisspelledRuleIsAProblemListingTheRules() {
        read(Map.of("rule-pkce", "off"));

        assertThat(problems.messages()).singleElement().asString()
                .startsWith("option rule-pkce names no rule; the rules are pkce-required, single-use-challenge,");
    }

    @Test
    void readsEveryOptionItNames() {
        Map<String, String> everything = new HashMap<>();
        BaselineConfig.optionNames(baseline).forEach(name -> everything.put(name, "report"));
        everything.put("exemption-max-days", "30");
        everything.put("profile", "fapi2");

        assertThat(read(everything).effectiveModes()).allSatisfy((rule, mode) -> assertThat(mode).isEqualTo(Mode.REPORT));
        assertThat(read(everything).exemptionMaxDays()).isEqualTo(30);
        assertThat(BaselineConfig.optionNames(baseline)).hasSize(baseline.ruleIds().size() + 4)
                .contains("mode", "fapi2-mode", "profile", "exemption-max-days", "rule-exact-redirect-uri");
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void exemptionsLastAtMostNinetyDaysUnlessConfigured() {
        assertThat(read(Map.of()).exemptionMaxDays()).isEqualTo(90);
        assertThat(read(Map.of("exemption-max-days", "0")).exemptionMaxDays()).isZero();
        read(Map.of("exemption-max-days", "-1"));
        read(Map.of("exemption-max-days", "a year"));
        read(Map.of("exemption-max-days", "367"));

        assertThat(problems.messages()).satisfiesExactly(
                m -> assertThat(m).isEqualTo("exemption-max-days must be a whole number from 0 to 366 (0: no exemptions), not '-1'."),
                m -> assertThat(m).contains("not 'a year'"),
                m -> assertThat(m).contains("not '367'"));
    }

    @Test
    void anUnknownOptionIsAProblemListingTheOptions() {
        read(Map.of("mod", "report"));

        assertThat(problems.messages()).singleElement().asString()
                .startsWith("unknown option mod; the options are mode, fapi2-mode, profile, exemption-max-days, rule-pkce-required,");
    }
}
