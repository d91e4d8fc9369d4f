package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.keyward.testing.AdminClient;
import dev.keyward.testing.BrowserScript;
import dev.keyward.testing.CompatibilitySubset;
import dev.keyward.testing.KeycloakExtension;
import dev.keyward.testing.KeycloakServer;
import dev.keyward.testing.ThrowawayRealm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The keyward theme in a real browser: themes/browser-tests/run.mjs drives Debian's Chromium with
 * playwright-core through every page of the theme (realms/theme.json) in light and dark mode, runs
 * axe-core (WCAG 2.2 AA), signs in by keyboard, checks 320 px and the realm's brand, and saves a PNG
 * of each page to target/theme-screenshots/. Needs /usr/bin/chromium and
 * {@code npm ci --prefix themes/browser-tests}; .ci/run installs both.
 */
@CompatibilitySubset
@ExtendWith(KeycloakExtension.class)
class ThemeBrowserIT {

    @RegisterExtension
    static final ThrowawayRealm REALM = ThrowawayRealm.from("/realms/theme.json");

    private static final Path SCREENSHOTS = Path.of("target", "theme-screenshots");

    @Test
    void everyPageIsAccessibleInBothColourModesAndShowsTheRealmsBrand(KeycloakServer server) throws Exception {
        // A logo the browser can load: the realm's own favicon, served by Keyward.
        String logo = server.baseUrl().resolve("/realms/" + REALM.name() + "/keyward-brand/favicon").toString();
        ObjectNode realm = (ObjectNode) server.admin().get("realms/" + REALM.name());
        ((ObjectNode) realm.path("attributes")).put("keyward.brand.logo-url", logo);
        AdminClient.expect(204, server.admin().put("realms/" + REALM.name(), JsonNodeFactory.instance.objectNode().set("attributes", realm.path("attributes"))));

        // Keyward's admin-console tab, saved once so its read-outs are filled.
        String realmId = server.admin().get("realms/" + REALM.name()).path("id").asText();
        AdminClient.expect(201, server.admin().post("realms/" + REALM.name() + "/components", Map.of("name", "keyward-oauth21",
                "providerId", "keyward-oauth21", "providerType", "org.keycloak.services.ui.extend.UiTabProvider", "parentId", realmId,
                "config", Map.of("action", java.util.List.of("none")))));

        BrowserScript.run("run.mjs", server.baseUrl(), SCREENSHOTS, "theme-browser.log",
                Map.of("REALM", REALM.name(), "BRAND_LOGO", logo)).assertPassed("run.mjs");

        assertThat(SCREENSHOTS.resolve("login-light.png")).exists();
        assertThat(SCREENSHOTS.resolve("consent-dark.png")).exists();
        assertThat(SCREENSHOTS.resolve("admin-console-keyward-tab-light.png")).exists();
        assertThat(SCREENSHOTS.resolve("admin-console-keyward-tab-dark.png")).exists();
    }
}
