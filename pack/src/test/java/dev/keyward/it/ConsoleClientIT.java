package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;

import dev.keyward.testing.AdminClient;
import dev.keyward.testing.BaselineMode;
import dev.keyward.testing.CompatibilitySubset;
import dev.keyward.testing.KeycloakServer;
import dev.keyward.testing.OidcClient;
import dev.keyward.testing.ThrowawayRealm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's page and its OAuth client, in enforce mode: every realm gets the client {@code keyward-console}, which
 * passes every OAuth 2.1 rule with no exemption (a real PKCE sign-in through it succeeds, and the report judges it
 * compliant); the page is served with a strict Content-Security-Policy and nothing else of the JAR is.
 */
@CompatibilitySubset
@BaselineMode("enforce")
class ConsoleClientIT {

    @RegisterExtension
    static final ThrowawayRealm REALM = ThrowawayRealm.from("/realms/console.json");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakServer server;
    private URI console;

    @BeforeEach
    void connect(KeycloakServer server) {
        this.server = server;
        this.console = server.baseUrl().resolve("/realms/" + REALM.name() + "/keyward/console/");
    }

    @Test
    void everyRealmHasTheConsolesClientDescribedInItsClientList() {
        for (String realm : new String[] {REALM.name(), "master"}) {
            JsonNode client = server.admin().get("realms/" + realm + "/clients?clientId=keyward-console").get(0);
            assertThat(client).as(realm).isNotNull();
            assertThat(client.path("publicClient").asBoolean()).isTrue();
            assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
            assertThat(client.path("implicitFlowEnabled").asBoolean()).isFalse();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
            assertThat(client.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
            assertThat(client.path("redirectUris").get(0).asText()).isEqualTo("/realms/" + realm + "/keyward/console/");
            assertThat(client.path("description").asText()).contains("Keyward's console");
        }
    }

    @Test
    void theConsolesClientIsCompliantWithNoExemption() {
        JsonNode report = server.admin().get("realms/" + REALM.name() + "/keyward-oauth21/compliance?client=keyward-console");

        JsonNode client = report.path("clients").get(0);
        assertThat(client.path("verdict").asText()).as(client.toString()).isEqualTo("compliant");
        assertThat(client.path("verdictWhenEnforced").asText()).isEqualTo("compliant");
        assertThat(client.path("exemptions")).isEmpty();
        assertThat(client.path("findings")).allSatisfy(finding -> assertThat(finding.path("outcome").asText()).isEqualTo("changes"));
    }

    @Test
    void anAdminSignsInThroughItWithPkceInEnforceModeAndKeycloakAnswersWhoAmI() throws Exception {
        OidcClient consoleClient = OidcClient.publicClient(REALM.issuer(), "keyward-console", console);

        OIDCTokenResponse tokens = consoleClient.signInForTokens(server.baseUrl(), new Scope("openid"), "manager", "manager");

        HttpResponse<String> whoami = HTTP.send(HttpRequest.newBuilder(server.baseUrl().resolve("/admin/" + REALM.name()
                        + "/console/whoami?currentRealm=" + REALM.name()))
                .header("Authorization", "Bearer " + tokens.getOIDCTokens().getAccessToken().getValue()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(whoami.statusCode()).as(whoami.body()).isEqualTo(200);
        assertThat(AdminClient.json(whoami).path("realm_access").path(REALM.name()).toString()).contains("manage-clients");
    }

    @Test
    void thePageLinksKeycloaksPatternFlyUnderAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = get(console);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self';", "style-src 'self';", "frame-ancestors 'none'").doesNotContain("unsafe"));
        assertThat(page.body()).doesNotContain("{{resources}}").containsPattern("/resources/[^/]+/common/keycloak/vendor/patternfly-v5/patternfly.min.css");
        String patternFly = page.body().replaceAll("(?s).*href=\"([^\"]*patternfly.min.css)\".*", "$1");
        assertThat(get(server.baseUrl().resolve(patternFly)).statusCode()).as(patternFly).isEqualTo(200);
        assertThat(get(console.resolve("js/main.js")).headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/javascript"));
        assertThat(get(console.resolve("messages/messages_en.json")).statusCode()).isEqualTo(200);
    }

    @Test
    void theAddressWithoutSlashRedirectsAndNothingElseOfTheJarIsServed() throws Exception {
        HttpResponse<String> bare = get(URI.create(console.toString().replaceAll("/$", "")));
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/keyward/console/"));

        for (String path : new String[] {"js/missing.js", "META-INF/MANIFEST.MF", "..%2F..%2FMETA-INF%2Fservices%2Fx.json",
                "js/..%2F..%2Fkeyward-console%2Findex.html", "Index.HTML"}) {
            HttpResponse<String> response = get(URI.create(console + path));
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("Exception");
        }
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
