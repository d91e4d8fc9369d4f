package dev.keyward.oauth21.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class BaselineConfigTest {

    private static BaselineConfig read(Map<String, String> options) {
        return BaselineConfig.from(options.keySet(), options::get);
    }

    @Test
    void everyRuleEnforcesWhenNothingIsConfigured() {
        assertThat(read(Map.of()).effectiveModes()).hasSize(RuleId.values().length).allSatisfy((rule, mode) ->
                assertThat(mode).isEqualTo(Mode.ENFORCE));
    }

    @Test
    void aRuleModeWinsOverTheGlobalMode() {
        BaselineConfig config = read(Map.of("mode", "report", "rule-pkce-required", "enforce", "rule-no-password-grant", "off"));

        assertThat(config.modeOf(RuleId.PKCE_REQUIRED)).isEqualTo(Mode.ENFORCE);
        assertThat(config.modeOf(RuleId.NO_PASSWORD_GRANT)).isEqualTo(Mode.OFF);
        assertThat(config.modeOf(RuleId.EXACT_REDIRECT_URI)).isEqualTo(Mode.REPORT);
    }

    @Test
    void aBadModeStopsStartupNamingTheOption() {
        assertThatThrownBy(() -> read(Map.of("mode", "audit")))
                .hasMessage("Keyward: mode is 'audit' but must be one of off, report, enforce");
        assertThatThrownBy(() -> read(Map.of("rule-exact-redirect-uri", "")))
                .hasMessageContaining("rule-exact-redirect-uri is ''");
    }

    @Test
    void aMisspelledRuleStopsStartupListingTheRules() {
        assertThatThrownBy(() -> read(Map.of("rule-pkce", "off")))
                .hasMessageStartingWith("Keyward: option rule-pkce names no rule; the rules are pkce-required, single-use-challenge,");
    }

    @Test
    void readsEveryOptionItNames() {
        Map<String, String> everything = new java.util.HashMap<>();
        BaselineConfig.optionNames().forEach(name -> everything.put(name, "report"));
        everything.put("exemption-max-days", "30");

        assertThat(read(everything).effectiveModes()).allSatisfy((rule, mode) -> assertThat(mode).isEqualTo(Mode.REPORT));
        assertThat(read(everything).exemptionMaxDays()).isEqualTo(30);
        assertThat(BaselineConfig.optionNames()).hasSize(RuleId.values().length + 2).contains("mode", "exemption-max-days", "rule-exact-redirect-uri");
    }

    @Test
    void exemptionsLastAtMostNinetyDaysUnlessConfigured() {
        assertThat(read(Map.of()).exemptionMaxDays()).isEqualTo(90);
        assertThat(read(Map.of("exemption-max-days", "0")).exemptionMaxDays()).isZero();
        assertThatThrownBy(() -> read(Map.of("exemption-max-days", "-1"))).hasMessageContaining("from 0 (no exemptions) to 366");
        assertThatThrownBy(() -> read(Map.of("exemption-max-days", "a year"))).hasMessageContaining("'a year'");
        assertThatThrownBy(() -> read(Map.of("exemption-max-days", "367"))).hasMessageContaining("exemption-max-days is '367'");
    }

    @Test
    void anUnknownOptionStopsStartupListingTheOptions() {
        assertThatThrownBy(() -> read(Map.of("mod", "report")))
                .hasMessageStartingWith("Keyward: unknown option mod; the options are mode, exemption-max-days, rule-pkce-required,");
    }
}
