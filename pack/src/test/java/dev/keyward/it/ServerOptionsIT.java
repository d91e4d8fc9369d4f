package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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
    void aRuleModeOverridesTheBlanketModeOfItsProfileAndTheServerProfileLeavesKeycloaksConsolesAlone() {
        try (SpareKeycloak keycloak = SpareKeycloak.start(OPTION + "mode=report", OPTION + "rule-pkce-required=enforce", OPTION + "rule-no-password-grant=off",
                OPTION + "rule-exact-web-origins=enforce", OPTION + "profile=fapi2", OPTION + "fapi2-mode=enforce", OPTION + "rule-fapi2-key-sizes=off")) {
            // The admin API answers: admin-cli signs in to master although every realm is now held to FAPI 2.0, enforced.
            BaselineModes modes = keycloak.awaitAdmin().baselineModes("master");

            Map<String, String> expected = new HashMap<>();
            List.of("single-use-challenge", "exact-redirect-uri", "no-implicit-or-hybrid", "refresh-token-rotation", "truthful-metadata",
                    "exact-post-logout-redirect-uri", "limited-public-client-scope", "separate-service-account", "code-flow-needs-redirect-uri",
                    "no-default-offline-access", "short-lived-access-tokens").forEach(rule -> expected.put(rule, "report"));
            List.of("fapi2-pushed-requests", "fapi2-pushed-redirect-uri", "fapi2-confidential-client", "fapi2-client-authentication",
                    "fapi2-sender-constrained-tokens", "fapi2-issuer-in-response", "fapi2-short-lived-codes", "fapi2-short-lived-request-uris",
                    "fapi2-no-refresh-token-rotation", "fapi2-signing-algorithms").forEach(rule -> expected.put(rule, "enforce"));
            expected.putAll(Map.of("pkce-required", "enforce", "no-password-grant", "off", "exact-web-origins", "enforce", "fapi2-key-sizes", "off"));
            assertThat(modes.server()).isEqualTo(expected);
            assertThat(modes.effective()).as("a realm without settings of its own runs the server's modes").isEqualTo(modes.server());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--spi-client-policy-executor--keyward-oauth21--mode=audit | Keyward: mode 'audit' is not one of off, report, enforce.",
            "--spi-client-policy-executor--keyward-oauth21--rule-pkce=off | Keyward: option rule-pkce names no rule; the rules are pkce-required,",
            "--spi-client-policy-executor--keyward-oauth21--mod=report | Keyward: unknown option mod; the options are mode, fapi2-mode, profile, exemption-max-days, rule-pkce-required,",
            "--spi-client-policy-executor--keyward-oauth21--profile=fapi | Keyward: profile 'fapi' is not one of oauth21, fapi2.",
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
