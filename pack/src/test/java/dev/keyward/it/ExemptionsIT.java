package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.ResponseType;

import dev.keyward.testing.BaselineMode;
import dev.keyward.testing.AdminClient;
import dev.keyward.testing.Browser;
import dev.keyward.testing.CompatibilitySubset;
import dev.keyward.testing.Eventually;
import dev.keyward.testing.KeycloakServer;
import dev.keyward.testing.OidcClient;
import dev.keyward.testing.ThrowawayRealm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Exemptions: granted per client and rule with a reason and an expiry, listed, audited, and self-expiring. */
@CompatibilitySubset
@BaselineMode("enforce")
class ExemptionsIT {

    @RegisterExtension
    static final ThrowawayRealm REALM = ThrowawayRealm.from("/realms/oauth21.json");

    private static final URI APP = URI.create("https://app.example/cb");

    private KeycloakServer server;
    private AdminClient admin;
    private String exemptions;


    @BeforeEach
    void connect(KeycloakServer server) {
        this.server = server;
        this.admin = server.admin();
        this.exemptions = "realms/" + REALM.name() + "/keyward-oauth21/exemptions";
    }

    @Test
    void theListNamesKeycloaksOwnClientsAsBuiltInExemptions() {
        JsonNode list = admin.get(exemptions);

        assertThat(list).anySatisfy(e -> {
            assertThat(e.path("clientId").asText()).isEqualTo("account-console");
            assertThat(e.path("rule").asText()).isEqualTo("exact-redirect-uri");
            assertThat(e.path("source").asText()).isEqualTo("built-in");
            assertThat(e.path("reason").asText()).isNotBlank();
        });
        // The password-grant exemption of admin-cli is for master only.
        assertThat(list).noneSatisfy(e -> assertThat(e.path("rule").asText()).isEqualTo("no-password-grant"));
        assertThat(admin.get("realms/master/keyward-oauth21/exemptions")).anySatisfy(e -> {
            assertThat(e.path("clientId").asText()).isEqualTo("admin-cli");
            assertThat(e.path("rule").asText()).isEqualTo("no-password-grant");
        });
    }

    @Test
    void aGrantedExemptionAppliesUntilItExpiresOnItsOwn() {
        // Whole seconds, so the expiry means the same instant however precisely the server keeps it.
        Instant expires = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(6);
        JsonNode granted = AdminClient.json(AdminClient.expect(200, admin.put(exemptions, Map.of(
                "clientId", "confidential-app", "rule", "pkce-required",
                "reason", "server-side app migrating to PKCE, ticket OPS-1", "expires", expires.toString()))));

        assertThat(granted.path("source").asText()).isEqualTo("granted");
        assertThat(granted.path("grantedBy").asText()).isEqualTo(System.getProperty("kc.admin.username", "admin"));
        assertThat(granted.path("active").asBoolean()).isTrue();
        String whileExempt = codeRequestWithoutPkce();
        assertThat(whileExempt).as("exempt: Keycloak shows its login page (answered %s ms before the expiry)",
                Duration.between(Instant.now(), expires).toMillis()).isNull();

        String afterExpiry = Eventually.pollNotBefore("the rule applies again once the exemption expires", expires,
                Duration.between(Instant.now(), expires).plusSeconds(30), this::codeRequestWithoutPkce, Objects::nonNull);

        assertThat(afterExpiry).as("expired: the rule applies again").contains("pkce-required");
        assertThat(admin.get(exemptions)).anySatisfy(e -> {
            assertThat(e.path("clientId").asText()).isEqualTo("confidential-app");
            assertThat(e.path("active").asBoolean()).isFalse();
        });
    }

    @Test
    void grantingAndRemovingAreAdminEvents() {
        AdminClient.expect(200, admin.put(exemptions, Map.of("clientId", "public-app", "rule", "single-use-challenge",
                "reason", "mobile SDK retries with the same challenge, vendor bug 77", "expires", Instant.now().plusSeconds(3600).toString())));
        AdminClient.expect(204, admin.delete(exemptions + "?clientId=public-app&rule=single-use-challenge"));

        JsonNode events = admin.get("realms/" + REALM.name() + "/admin-events?resourceTypes=CLIENT&max=50");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.path("operationType").asText()).isEqualTo("CREATE");
            assertThat(e.path("resourcePath").asText()).endsWith("/keyward-exemptions/single-use-challenge");
            assertThat(e.path("representation").asText()).contains("vendor bug 77");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.path("operationType").asText()).isEqualTo("DELETE");
            assertThat(e.path("resourcePath").asText()).endsWith("/keyward-exemptions/single-use-challenge");
        });
        assertThat(admin.get(exemptions)).noneSatisfy(e -> assertThat(e.path("rule").asText()).isEqualTo("single-use-challenge"));
    }

    @Test
    void aGrantNeedsAReasonAKnownRuleAndAnExpiryWithinTheServerCap() {
        HttpResponse<String> refused = admin.put(exemptions, Map.of("clientId", "public-app", "rule", "pkce",
                "reason", " ", "expires", Instant.now().plus(Duration.ofDays(200)).toString()));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(AdminClient.json(refused).path("errorMessage").asText())
                .contains("rule 'pkce' is unknown")
                .contains("reason is required")
                .contains("expires may be at most 90 days ahead (server option exemption-max-days)");
        assertThat(admin.put(exemptions, Map.of("clientId", "no-such-client", "rule", "pkce-required",
                "reason", "r", "expires", "2099-01-01")).statusCode()).isEqualTo(404);
        assertThat(admin.delete(exemptions + "?clientId=public-app&rule=pkce-required").statusCode()).isEqualTo(404);
    }

    @Test
    void theApiNeedsAnAdmin() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/admin/" + exemptions)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    /** The error description a code request without PKCE gets, or null when Keycloak serves its login page. */
    private String codeRequestWithoutPkce() {
        URI callback = URI.create("https://confidential.example/cb");
        OidcClient client = OidcClient.confidentialClient(REALM.issuer(), "confidential-app", "confidential-secret", callback);
        try (Browser browser = new Browser(server.baseUrl())) {
            Browser.Outcome outcome = browser.navigate(client.customAuthorization(ResponseType.CODE, callback, builder -> builder));
            return outcome.redirect() == null ? null
                    : client.parseRedirect(outcome.redirect()).toErrorResponse().getErrorObject().getDescription();
        }
    }
}
