package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyward.testing.AdminClient;
import dev.keyward.testing.BaselineMode;
import dev.keyward.testing.KeycloakServer;
import dev.keyward.testing.KeywardEvents;
import dev.keyward.testing.ThrowawayRealm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Registration checks are a ratchet: a client stored before Keyward can still be edited, but an
 * update that adds a violation is refused, and a new client must comply in full.
 */
@BaselineMode("enforce")
class RegistrationRatchetIT {

    @RegisterExtension
    static final ThrowawayRealm REALM = ThrowawayRealm.from("/realms/compliance.json");

    private AdminClient admin;

    @BeforeEach
    void connect(KeycloakServer server) {
        this.admin = server.admin();
    }

    @Test
    void aLegacyClientsDescriptionAndOtherSettingsCanBeEditedAndWhatItKeepsIsRecorded() {
        ObjectNode legacy = client("legacy-wildcard");
        legacy.put("description", "Still in use by the intranet; owner: team blue");
        legacy.put("name", "Legacy intranet app");

        AdminClient.expect(204, admin.put(path(legacy), legacy));

        assertThat(admin.get(path(legacy)).path("description").asText()).isEqualTo("Still in use by the intranet; owner: team blue");
        assertThat(new KeywardEvents(admin, REALM.name()).of("CLIENT_UPDATE", "legacy-wildcard")).anySatisfy(event -> {
            assertThat(event.path("details").path("keyward_rule").asText()).isEqualTo("exact-redirect-uri");
            assertThat(event.path("details").path("keyward_outcome").asText()).isEqualTo("kept");
            assertThat(event.path("details").path("keyward_value").asText()).isEqualTo("https://legacy.example/*");
        });
    }

    @Test
    void addingAWildcardUriToALegacyClientIsRefused() {
        ObjectNode legacy = client("legacy-wildcard");
        legacy.withArray("redirectUris").add("https://other.example/*");

        HttpResponse<String> refused = admin.put(path(legacy), legacy);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(AdminClient.json(refused).path("error").asText()).isEqualTo("invalid_redirect_uri");
        assertThat(AdminClient.json(refused).path("error_description").asText()).contains("'https://other.example/*'");
        assertThat(admin.get(path(legacy)).path("redirectUris")).extracting(JsonNode::asText).containsExactly("https://legacy.example/*");
    }

    @Test
    void addingAPlainHttpUriToALegacyClientIsRefused() {
        ObjectNode legacy = client("legacy-http");
        legacy.withArray("redirectUris").add("http://intranet.example/second");

        HttpResponse<String> refused = admin.put(path(legacy), legacy);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(AdminClient.json(refused).path("error_description").asText()).contains("'http://intranet.example/second'")
                .contains("http is allowed only for loopback");
    }

    @Test
    void switchingTheImplicitFlowOnIsRefused() {
        ObjectNode compliant = client("compliant-web");
        compliant.put("implicitFlowEnabled", true);

        HttpResponse<String> refused = admin.put(path(compliant), compliant);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(AdminClient.json(refused).path("error").asText()).isEqualTo("invalid_client_metadata");
        assertThat(AdminClient.json(refused).path("error_description").asText()).startsWith("Keyward rule no-implicit-or-hybrid:");
        assertThat(admin.get(path(compliant)).path("implicitFlowEnabled").asBoolean()).isFalse();
    }

    @Test
    void aNewClientMustComplyInFull() {
        ObjectNode fresh = AdminClient.json(AdminClient.expect(200, admin.send("GET", path(client("legacy-wildcard")), null))).deepCopy();
        fresh.remove("id");
        fresh.put("clientId", "fresh-copy-of-legacy");

        HttpResponse<String> refused = admin.post("realms/" + REALM.name() + "/clients", fresh);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(AdminClient.json(refused).path("error_description").asText()).contains("'https://legacy.example/*'");
    }

    private ObjectNode client(String clientId) {
        return (ObjectNode) admin.get("realms/" + REALM.name() + "/clients?clientId=" + clientId).get(0);
    }

    private String path(JsonNode client) {
        return "realms/" + REALM.name() + "/clients/" + client.path("id").asText();
    }
}
