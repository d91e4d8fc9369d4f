package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.keyward.testing.AdminClient;
import dev.keyward.testing.CompatibilitySubset;
import dev.keyward.testing.KeycloakExtension;
import dev.keyward.testing.KeycloakServer;
import dev.keyward.testing.ThrowawayRealm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A realm's brand as the theme receives it from /realms/{realm}/keyward-brand/ (good values, bad ones, defaults), and as
 * admins read and save it through /admin/realms/{realm}/keyward-brand (checked values, WCAG AA colour pairs, roles).
 */
@CompatibilitySubset
@ExtendWith(KeycloakExtension.class)
class BrandIT {

    @RegisterExtension
    static final ThrowawayRealm REALM = ThrowawayRealm.from("/realms/empty.json");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KeycloakServer server;

    @BeforeEach
    void connect(KeycloakServer server) {
        this.server = server;
    }

    @Test
    void goodValuesReachTheStylesheetAndTheFavicon() throws Exception {
        brand(Map.of("keyward.brand.primary-color", "#8A1538", "keyward.brand.logo-url", "https://cdn.acme.example/logo.svg",
                "keyward.brand.favicon-url", "https://cdn.acme.example/favicon.ico", "keyward.brand.css-url", "https://cdn.acme.example/a.css"));

        HttpResponse<String> css = get("brand.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).startsWith("@import url(\"https://cdn.acme.example/a.css\");")
                .contains("--keyward-primary: #8a1538;", "--keyward-on-primary: #ffffff;", "--keyward-logo: url(\"https://cdn.acme.example/logo.svg\");");
        assertThat(css.body().substring(css.body().indexOf(":root.pf-v5-theme-dark {"))).as("the dark pages keep their own default colours")
                .contains("--keyward-primary: #1fa7f8;", "--keyward-on-primary: #000000;", "--keyward-logo: url(\"https://cdn.acme.example/logo.svg\");");
        HttpResponse<String> favicon = get("favicon");
        assertThat(favicon.statusCode()).isEqualTo(302);
        assertThat(favicon.headers().firstValue("Location")).hasValue("https://cdn.acme.example/favicon.ico");
    }

    @Test
    void badValuesFallBackToTheThemesDefaultsAndTheServerSaysWhy() throws Exception {
        brand(Map.of("keyward.brand.primary-color", "red", "keyward.brand.logo-url", "javascript:alert(1)",
                "keyward.brand.css-url", "https://cdn.acme.example/a.css\");body{display:none"));

        HttpResponse<String> css = get("brand.css");
        assertThat(css.body()).doesNotContain("@import", "javascript", "display:none")
                .contains("--keyward-primary: #0066cc;", "--keyward-logo: none;");
        HttpResponse<String> favicon = get("favicon");
        assertThat(favicon.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login/keyward/img/favicon.ico"));

        String log = Files.readString(server.log());
        assertThat(log).contains("Keyward brand of realm '" + REALM.name() + "': keyward.brand.primary-color 'red' is not a colour like #0066cc; using #0066cc")
                .contains("keyward.brand.logo-url 'javascript:alert(1)' is not an absolute http(s) URL");
    }

    @Test
    void theAdminApiSavesUsableValuesAndRefusesWhatTheLoginPagesCouldNotUseWithoutStoringIt() {
        String api = "realms/" + REALM.name() + "/keyward-brand";
        JsonNode saved = AdminClient.json(AdminClient.expect(200, server.admin().put(api,
                Map.of("keyward.brand.primary-color", "#0B6E4F", "keyward.brand.accent-color", "#8a1538"))));
        assertThat(attribute(saved, "keyward.brand.primary-color")).isEqualTo("#0B6E4F");
        assertThat(saved.path("attributes").get(0).path("key").asText()).as("the product name comes first").isEqualTo("displayName");
        assertThat(saved.path("attributes").get(1).path("label").asText()).isEqualTo("Primary colour");
        assertThat(saved.path("darkPage").asText()).isEqualTo("#26292d");

        HttpResponse<String> pale = server.admin().put(api, Map.of("keyward.brand.primary-color", "#ffdd00"));
        assertThat(pale.statusCode()).isEqualTo(400);
        assertThat(pale.body()).contains("The contrast of the primary colour #ffdd00 (buttons) against the page #ffffff is 1.35:1;"
                + " WCAG 2.2 AA needs at least 3.0:1.");
        HttpResponse<String> paleOnDark = server.admin().put(api, Map.of("keyward.brand.dark-primary-color", "#0066cc"));
        assertThat(paleOnDark.statusCode()).isEqualTo(400);
        assertThat(paleOnDark.body()).contains("The contrast of the dark-mode primary colour #0066cc (buttons) against the dark page #26292d is 2.62:1;"
                + " WCAG 2.2 AA needs at least 3.0:1. Choose a lighter colour.");
        HttpResponse<String> notAColour = server.admin().put(api, Map.of("keyward.brand.accent-color", "red"));
        assertThat(notAColour.statusCode()).isEqualTo(400);
        assertThat(notAColour.body()).contains("keyward.brand.accent-color 'red' is not a colour like #0066cc");
        HttpResponse<String> unknown = server.admin().put(api, Map.of("keyward.brand.font", "Comic Sans"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Not a brand attribute: keyward.brand.font");
        JsonNode stored = server.admin().get(api);
        assertThat(attribute(stored, "keyward.brand.primary-color")).as("nothing refused is stored").isEqualTo("#0B6E4F");
        assertThat(attribute(stored, "keyward.brand.accent-color")).isEqualTo("#8a1538");

        JsonNode cleared = AdminClient.json(AdminClient.expect(200, server.admin().put(api, Map.of("keyward.brand.accent-color", ""))));
        assertThat(attribute(cleared, "keyward.brand.accent-color")).as("an empty value brings the default back").isNull();
    }

    @Test
    void theProductNameIsTheRealmsDisplayNameAndCanBeClearedButNotOverlong() {
        String api = "realms/" + REALM.name() + "/keyward-brand";
        JsonNode named = AdminClient.json(AdminClient.expect(200, server.admin().put(api, Map.of("displayName", " Acme Sign-in "))));
        assertThat(attribute(named, "displayName")).isEqualTo("Acme Sign-in");
        assertThat(server.admin().get("realms/" + REALM.name()).path("displayName").asText()).isEqualTo("Acme Sign-in");

        HttpResponse<String> overlong = server.admin().put(api, Map.of("displayName", "x".repeat(101)));
        assertThat(overlong.statusCode()).isEqualTo(400);
        assertThat(overlong.body()).contains("The product name must be at most 100 characters on one line");
        HttpResponse<String> twoLines = server.admin().put(api, Map.of("displayName", "Acme\nSign-in"));
        assertThat(twoLines.statusCode()).isEqualTo(400);
        assertThat(attribute(server.admin().get(api), "displayName")).as("nothing refused is stored").isEqualTo("Acme Sign-in");

        JsonNode cleared = AdminClient.json(AdminClient.expect(200, server.admin().put(api, Map.of("displayName", ""))));
        assertThat(attribute(cleared, "displayName")).as("empty brings the realm's name back").isNull();
    }

    @Test
    void readingTheBrandNeedsViewRealmAndSavingItManageRealm() {
        String name = "brand-viewer-" + REALM.name();
        server.admin().grantRealmManagementRoles(server.admin().createMasterUser(name), REALM.name(), "view-realm");
        AdminClient viewer = server.admin().as(name, name + "-password");
        String api = "realms/" + REALM.name() + "/keyward-brand";

        assertThat(viewer.get(api, "application/json").statusCode()).isEqualTo(200);
        assertThat(viewer.put(api, Map.of("keyward.brand.primary-color", "#0b6e4f")).statusCode()).isEqualTo(403);
    }

    private static String attribute(JsonNode brand, String key) {
        for (JsonNode attribute : brand.path("attributes")) {
            if (attribute.path("key").asText().equals(key)) {
                return attribute.path("value").isNull() || attribute.path("value").isMissingNode() ? null : attribute.path("value").asText();
            }
        }
        throw new AssertionError("no attribute " + key + " in " + brand);
    }

    private void brand(Map<String, String> attributes) {
        AdminClient.expect(204, server.admin().put("realms/" + REALM.name(), Map.of("attributes", attributes)));
    }

    private HttpResponse<String> get(String resource) throws IOException, InterruptedException {
        URI uri = server.baseUrl().resolve("/realms/" + REALM.name() + "/keyward-brand/" + resource);
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
