package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;

import dev.keyward.testing.AdminClient;
import dev.keyward.testing.CompatibilitySubset;
import dev.keyward.testing.KeycloakExtension;
import dev.keyward.testing.KeycloakServer;
import dev.keyward.testing.ThrowawayRealm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A realm's brand as the theme receives it from /realms/{realm}/keyward-brand/: good values, bad ones, defaults. */
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

    private void brand(Map<String, String> attributes) {
        AdminClient.expect(204, server.admin().put("realms/" + REALM.name(), Map.of("attributes", attributes)));
    }

    private HttpResponse<String> get(String resource) throws IOException, InterruptedException {
        URI uri = server.baseUrl().resolve("/realms/" + REALM.name() + "/keyward-brand/" + resource);
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
