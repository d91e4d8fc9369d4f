package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyward.testing.AdminClient;
import dev.keyward.testing.BaselineMode;
import dev.keyward.testing.KeycloakServer;
import dev.keyward.testing.ThrowawayRealm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keyward's admin-console tab (Realm settings > keyward-oauth21) through the same component API
 * the console's Save calls: a save grants or revokes an exemption with the REST API's checks and
 * rewrites the read-outs of modes, exemptions and the compliance report.
 */
@BaselineMode("enforce")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleTabIT {

    @RegisterExtension
    static final ThrowawayRealm REALM = ThrowawayRealm.from("/realms/compliance.json");
    private static final String TAB_TYPE = "org.keycloak.services.ui.extend.UiTabProvider";

    private AdminClient admin;
    private String components;

    @BeforeEach
    void connect(KeycloakServer server) {
        this.admin = server.admin();
        this.components = "realms/" + REALM.name() + "/components";
    }

    @Test
    @Order(1)
    void aSaveThatGrantsAnExemptionStoresItAndShowsTheReadOuts() {
        String realmId = admin.get("realms/" + REALM.name()).path("id").asText();
        AdminClient.expect(201, admin.post(components, Map.of("name", "keyward-oauth21", "providerId", "keyward-oauth21",
                "providerType", TAB_TYPE, "parentId", realmId, "config", Map.of("action", List.of("grant"),
                        "client", List.of("exempted-batch"), "rule", List.of("no-password-grant"),
                        "reason", List.of("nightly batch until the new API ships"), "expires", List.of(LocalDate.now().plusDays(20).toString()),
                        "realm", List.of(REALM.name()), "tab", List.of("keyward-oauth21")))));

        JsonNode config = tab().path("config");

        assertThat(admin.get("realms/" + REALM.name() + "/keyward-oauth21/exemptions")).anySatisfy(e -> {
            assertThat(e.path("clientId").asText()).isEqualTo("exempted-batch");
            assertThat(e.path("source").asText()).isEqualTo("granted");
        });
        assertThat(config.path("action").get(0).asText()).isEqualTo("none");
        assertThat(config.has("client") || config.has("reason") || config.has("realm")).as("one-save fields are cleared").isFalse();
        assertThat(config.path("modes").get(0).asText()).contains("pkce-required: server enforce, realm enforce");
        assertThat(config.path("exemptions").get(0).asText()).contains("exempted-batch: no-password-grant until");
        assertThat(config.path("compliance").get(0).asText()).contains("would break once every rule is enforced")
                .contains("legacy-wildcard: breaks").contains("set PKCE Method to S256");
        assertThat(config.path("refreshedAt").get(0).asText()).isNotBlank();
    }

    @Test
    @Order(2)
    void aGrantWithoutAReasonIsRefusedWithTheRestApisMessage() {
        ObjectNode tab = tab();
        tab.putObject("config").putArray("action").add("grant");
        ((ObjectNode) tab.path("config")).putArray("client").add("legacy-ropc");
        ((ObjectNode) tab.path("config")).putArray("rule").add("no-password-grant");
        ((ObjectNode) tab.path("config")).putArray("expires").add(LocalDate.now().plusDays(5).toString());

        HttpResponse<String> refused = admin.put(components + "/" + tab.path("id").asText(), tab);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("reason is required");
        assertThat(admin.get("realms/" + REALM.name() + "/keyward-oauth21/exemptions"))
                .noneSatisfy(e -> assertThat(e.path("clientId").asText()).isEqualTo("legacy-ropc"));
    }

    @Test
    @Order(3)
    void aSaveThatRevokesRemovesTheExemption() {
        ObjectNode tab = tab();
        ObjectNode config = tab.putObject("config");
        config.putArray("action").add("revoke");
        config.putArray("client").add("exempted-batch");
        config.putArray("rule").add("no-password-grant");

        AdminClient.expect(204, admin.put(components + "/" + tab.path("id").asText(), tab));

        assertThat(admin.get("realms/" + REALM.name() + "/keyward-oauth21/exemptions"))
                .noneSatisfy(e -> assertThat(e.path("clientId").asText()).isEqualTo("exempted-batch"));
        assertThat(tab().path("config").path("exemptions").get(0).asText()).doesNotContain("exempted-batch");
    }

    private ObjectNode tab() {
        JsonNode tabs = admin.get(components + "?type=" + TAB_TYPE);
        assertThat(tabs).hasSize(1);
        return (ObjectNode) tabs.get(0);
    }
}
