package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;

import dev.keyward.keycloak.about.AboutResourceProviderFactory;
import dev.keyward.testing.AdminClient;
import dev.keyward.testing.CompatibilitySubset;
import dev.keyward.testing.KeycloakExtension;
import dev.keyward.testing.KeycloakServer;
import dev.keyward.testing.ThrowawayRealm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JAR the install routine put into providers/ is the one Keycloak loaded, and says so. */
@CompatibilitySubset
@ExtendWith(KeycloakExtension.class)
class InstallationIT {

    private static final String KEYWARD_VERSION = System.getProperty("keyward.version");
    private static final String KEYCLOAK_VERSION = System.getProperty("keycloak.version");

    @RegisterExtension
    static final ThrowawayRealm REALM_CREATED_AFTER_STARTUP = ThrowawayRealm.from("/realms/empty.json");

    @Test
    void serverInfoShowsKeywardAndTheKeycloakItWasBuiltFor(AdminClient admin) {
        JsonNode serverInfo = admin.get("serverinfo");

        JsonNode keyward = serverInfo.path("providers").path("admin-realm-restapi-extension")
                .path("providers").path(AboutResourceProviderFactory.PROVIDER_ID);
        assertThat(serverInfo.path("systemInfo").path("version").asText()).isEqualTo(KEYCLOAK_VERSION);
        assertThat(keyward.path("operationalInfo").path("keyward-version").asText()).isEqualTo(KEYWARD_VERSION);
        assertThat(keyward.path("operationalInfo").path("built-for-keycloak").asText()).isEqualTo(KEYCLOAK_VERSION);
        assertThat(keyward.path("operationalInfo").path("running-keycloak").asText()).isEqualTo(KEYCLOAK_VERSION);
    }

    @Test
    void aboutAnswersAdminsOfARealmCreatedAfterStartup(AdminClient admin) {
        JsonNode about = admin.get("realms/" + REALM_CREATED_AFTER_STARTUP.name() + "/keyward/about");

        assertThat(about.path("keyward-version").asText()).isEqualTo(KEYWARD_VERSION);
        assertThat(about.path("built-for-keycloak").asText()).isEqualTo(KEYCLOAK_VERSION);
    }

    @Test
    void aboutRefusesCallersWithoutAnAdminToken(KeycloakServer server) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin/realms/acme/keyward/about")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain(KEYWARD_VERSION);
    }
}
