package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import dev.keyward.testing.BaselineModes;
import dev.keyward.testing.KcShProcess;
import dev.keyward.testing.SpareKeycloak;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keyward's server options as Keycloak reads them from the command line: each rule's mode wins
 * over the global one (as Keyward's modes endpoint reports it), and a bad option stops Keycloak
 * at startup with a message that says what to fix.
 */
class ServerOptionsIT {

    private static final String OPTION = "--spi-client-policy-executor--keyward-oauth21--";

    @Test
    void aRuleModeOverridesTheGlobalMode() {
        try (SpareKeycloak keycloak = SpareKeycloak.start(OPTION + "mode=report", OPTION + "rule-pkce-required=enforce", OPTION + "rule-no-password-grant=off",
                OPTION + "rule-exact-web-origins=enforce")) {
            BaselineModes modes = keycloak.awaitAdmin().baselineModes("master");

            assertThat(modes.server()).isEqualTo(Map.ofEntries(Map.entry("pkce-required", "enforce"), Map.entry("single-use-challenge", "report"),
                    Map.entry("exact-redirect-uri", "report"), Map.entry("no-implicit-or-hybrid", "report"), Map.entry("no-password-grant", "off"),
                    Map.entry("refresh-token-rotation", "report"), Map.entry("truthful-metadata", "report"),
                    Map.entry("exact-web-origins", "enforce"), Map.entry("exact-post-logout-redirect-uri", "report"),
                    Map.entry("limited-public-client-scope", "report"), Map.entry("separate-service-account", "report"),
                    Map.entry("code-flow-needs-redirect-uri", "report")));
            assertThat(modes.effective()).as("a realm without settings of its own runs the server's modes").isEqualTo(modes.server());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--spi-client-policy-executor--keyward-oauth21--mode=audit | Keyward: mode 'audit' is not one of off, report, enforce.",
            "--spi-client-policy-executor--keyward-oauth21--rule-pkce=off | Keyward: option rule-pkce names no rule; the rules are pkce-required,",
            "--spi-client-policy-executor--keyward-oauth21--mod=report | Keyward: unknown option mod; the options are mode, exemption-max-days, rule-pkce-required,",
            "--spi-realm-restapi-extension--keyward--console-client=no | Keyward: console-client must be true or false, not 'no'.",
    })
    void aBadOptionStopsStartupWithAClearMessage(String option, String message) {
        try (SpareKeycloak keycloak = SpareKeycloak.start(option)) {
            KcShProcess kcSh = keycloak.process();
            int status = kcSh.awaitExit(Duration.ofMinutes(3));

            assertThat(status).as("Keycloak must not start; %s", kcSh.logTail(30)).isNotZero();
            assertThat(kcSh.log()).contains(message);
        }
    }
}
