package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.keyward.testing.KcShProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keyward's server options as Keycloak reads them from the command line: each rule's mode wins
 * over the global one, and a bad option stops Keycloak at startup with a message that says what
 * to fix.
 */
class ServerOptionsIT {

    private static final String OPTION = "--spi-client-policy-executor--keyward-oauth21--";

    @Test
    void aRuleModeOverridesTheGlobalMode() throws Exception {
        try (KcShProcess kcSh = start(OPTION + "mode=report", OPTION + "rule-pkce-required=enforce", OPTION + "rule-no-password-grant=off")) {
            String line = awaitLogLine(kcSh, "Keyward OAuth 2.1 baseline for every realm:");

            assertThat(line).endsWith("{pkce-required=ENFORCE, single-use-challenge=REPORT, exact-redirect-uri=REPORT,"
                    + " no-implicit-or-hybrid=REPORT, no-password-grant=OFF, refresh-token-rotation=REPORT, truthful-metadata=REPORT}");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--spi-client-policy-executor--keyward-oauth21--mode=audit | Keyward: mode is 'audit' but must be one of off, report, enforce",
            "--spi-client-policy-executor--keyward-oauth21--rule-pkce=off | Keyward: option rule-pkce names no rule; the rules are pkce-required,",
            "--spi-client-policy-executor--keyward-oauth21--mod=report | Keyward: unknown option mod; the options are mode, exemption-max-days, rule-pkce-required,",
    })
    void aBadOptionStopsStartupWithAClearMessage(String option, String message) throws Exception {
        try (KcShProcess kcSh = start(option)) {
            int status = kcSh.awaitExit(Duration.ofMinutes(3));

            assertThat(status).as("Keycloak must not start; %s", kcSh.logTail(30)).isNotZero();
            assertThat(kcSh.log()).contains(message);
        }
    }

    /** Keycloak on spare ports with a database of its own, so it never disturbs the test server. */
    private static KcShProcess start(String... options) throws IOException {
        Path kcHome = Path.of(System.getProperty("kc.home"));
        Path scratch = Path.of(System.getProperty("kc.log")).getParent();
        Path log = Files.createTempFile(scratch, "kc-options", ".log");
        List<String> arguments = new ArrayList<>(List.of("start", "--optimized", "--http-enabled=true", "--http-host=127.0.0.1",
                "--hostname-strict=false", "--http-port=" + freePort(), "--http-management-port=" + freePort(),
                "--db-url=jdbc:h2:file:" + Files.createTempDirectory(scratch, "kc-options-db").resolve("db") + ";NON_KEYWORDS=VALUE"));
        arguments.addAll(List.of(options));
        return KcShProcess.start(kcHome, log, Map.of(), arguments.toArray(String[]::new));
    }

    private static String awaitLogLine(KcShProcess kcSh, String marker) throws InterruptedException {
        for (int i = 0; i < 360; i++) {
            Optional<String> line = kcSh.log().lines().filter(l -> l.contains(marker)).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            if (!kcSh.isAlive()) {
                break;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("No log line with '" + marker + "'. " + kcSh.logTail(30));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
