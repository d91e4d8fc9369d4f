package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.oauth2.sdk.Scope;

import dev.keyward.testing.BaselineMode;
import dev.keyward.testing.Browser;
import dev.keyward.testing.BrowserScript;
import dev.keyward.testing.CompatibilitySubset;
import dev.keyward.testing.KeycloakServer;
import dev.keyward.testing.OidcClient;
import dev.keyward.testing.ThrowawayRealm;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keyward's console in a real browser, in report mode (so a legacy client's sign-in is recorded as runtime evidence):
 * themes/browser-tests/console.mjs drives Debian's Chromium with playwright-core as a viewer, a manager and the master
 * admin, runs axe-core on every view and open state in light and dark mode, and saves a PNG of each to
 * target/console-screenshots/. Needs /usr/bin/chromium and {@code npm ci --prefix themes/browser-tests}; .ci/run
 * installs both.
 */
@CompatibilitySubset
@Tag("report-mode")
@BaselineMode("report")
class ConsoleBrowserIT {

    @RegisterExtension
    static final ThrowawayRealm REALM = ThrowawayRealm.from("/realms/console.json");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    @Test
    void viewersManagersAndTheMasterAdminUseTheConsoleAccessiblyInBothColourModes(KeycloakServer server) throws Exception {
        // A legacy client's sign-in with a redirect URI its wildcard lets through: reported, so it is runtime evidence.
        URI sent = URI.create("https://legacy.example/cb-" + UUID.randomUUID());
        try (Browser browser = new Browser(server.baseUrl())) {
            browser.openLogin(OidcClient.publicClient(REALM.issuer(), "legacy-wildcard", sent).authorize(new Scope("openid")).requestUri());
        }

        ObjectNode expected = JSON.createObjectNode();
        ObjectNode verdicts = expected.putObject("verdicts");
        for (JsonNode client : server.admin().get("realms/" + REALM.name() + "/keyward-oauth21/compliance").path("clients")) {
            verdicts.put(client.path("clientId").asText(), client.path("verdict").asText());
        }
        assertThat(verdicts.path("keyward-console").asText()).isEqualTo("compliant");
        expected.set("fix", JSON.valueToTree(Map.of("clientId", "password-app", "rule", "no-password-grant", "setting", "directAccessGrantsEnabled",
                "before", "true", "after", "false", "verdictAfter", "compliant")));
        expected.set("exempt", JSON.valueToTree(Map.of("clientId", "legacy-wildcard", "rule", "exact-redirect-uri")));
        expected.set("profile", JSON.valueToTree(Map.of("clientId", "modern-app")));
        expected.set("stale", JSON.valueToTree(Map.of("clientId", "implicit-app", "rule", "no-implicit-or-hybrid", "setting", "implicitFlowEnabled")));
        expected.set("evidence", JSON.valueToTree(Map.of("clientId", "legacy-wildcard", "redirectUri", sent.toString())));

        BrowserScript.run("console.mjs", server.baseUrl(), SCREENSHOTS, "console-browser.log",
                Map.of("REALM", REALM.name(), "EXPECTED", expected.toString())).assertPassed("console.mjs");
        for (String view : new String[] {"server", "realm", "client-drawer", "fix-dialog", "trend", "brand", "signed-out"}) {
            assertThat(SCREENSHOTS.resolve(view + "-light.png")).exists();
            assertThat(SCREENSHOTS.resolve(view + "-dark.png")).exists();
        }
    }
}
