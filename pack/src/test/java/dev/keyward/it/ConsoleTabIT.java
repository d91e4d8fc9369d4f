package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

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
 * rewrites the read-out of the modes; the component, which every view-realm admin reads, holds no
 * client data.
 */
@BaselineMode("enforce")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleTabIT {

    @RegisterExtension
    static final ThrowawayRealm REALM = ThrowawayRealm.from("/realms/compliance.json");
    private static final String TAB_TYPE = "org.keycloak.services.ui.extend.UiTabProvider";
    private static final String EXEMPTION_REASON = "nightly batch until the new API ships";

    private AdminClient admin;
    private String components;

    @BeforeEach
    void connect(KeycloakServer server) {
        this.admin = server.admin();
        this.components = "realms/" + REALM.name() + "/components";
    }

    @Test
    @Order(1)
    void aDelegatedAdminsSaveGrantsAnExemptionAndStoresNoClientDataInTheTab() {
        String realmId = admin.get("realms/" + REALM.name()).path("id").asText();
        AdminClient.expect(201, delegatedAdmin("manage-realm", "manage-clients").post(components, Map.of("name", "keyward-oauth21",
                "providerId", "keyward-oauth21", "providerType", TAB_TYPE, "parentId", realmId, "config", Map.of("action", List.of("grant"),
                        "client", List.of("exempted-batch"), "rule", List.of("no-password-grant"),
                        "reason", List.of(EXEMPTION_REASON), "expires", List.of(LocalDate.now().plusDays(20).toString()),
                        "realm", List.of(REALM.name()), "tab", List.of("keyward-oauth21")))));

        JsonNode config = tab().path("config");

        assertThat(admin.get("realms/" + REALM.name() + "/keyward-oauth21/exemptions")).anySatisfy(e -> {
            assertThat(e.path("clientId").asText()).isEqualTo("exempted-batch");
            assertThat(e.path("source").asText()).isEqualTo("granted");
        });
        assertThat(config.path("action").get(0).asText()).isEqualTo("none");
        assertThat(config.has("client") || config.has("reason") || config.has("realm")).as("one-save fields are cleared").isFalse();
        assertThat(config.has("compliance") || config.has("exemptions")).as("no copy of the report or the exemptions").isFalse();
        assertThat(config.path("modes").get(0).asText()).contains("pkce-required: server enforce, realm enforce");
        assertThat(config.path("reports").get(0).asText()).contains("GET /admin/realms/" + REALM.name() + "/keyward-oauth21/compliance");
        assertThat(config.path("refreshedAt").get(0).asText()).isNotBlank();
    }

    @Test
    @Order(2)
    void anAdminWithOnlyViewRealmReadsTheTabButNoClientIdFindingOrExemption() {
        AdminClient viewer = delegatedAdmin("view-realm");

        String tabs = AdminClient.expect(200, viewer.get(components + "?type=" + TAB_TYPE, "application/json")).body();

        assertThat(tabs).contains("keyward-oauth21");
        for (JsonNode client : admin.get("realms/" + REALM.name() + "/clients")) {
            // As a word of its own: "account" is also part of the rule id separate-service-account.
            assertThat(tabs).as("the tab as view-realm reads it")
                    .doesNotContainPattern("(?<![\\w-])" + Pattern.quote(client.path("clientId").asText()) + "(?![\\w-])");
            client.path("redirectUris").forEach(uri -> assertThat(tabs).doesNotContain(uri.asText()));
        }
        assertThat(tabs).doesNotContain(EXEMPTION_REASON).doesNotContain("implicitFlowEnabled").doesNotContain("PKCE Method");
        for (String endpoint : List.of("keyward-oauth21/compliance", "keyward-oauth21/exemptions", "clients")) {
            assertThat(viewer.get("realms/" + REALM.name() + "/" + endpoint, "application/json").statusCode())
                    .as(endpoint + " needs view-clients").isEqualTo(403);
        }
    }

    @Test
    @Order(3)
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
    @Order(4)
    void aSaveThatRevokesRemovesTheExemption() {
        ObjectNode tab = tab();
        ObjectNode config = tab.putObject("config");
        config.putArray("action").add("revoke");
        config.putArray("client").add("exempted-batch");
        config.putArray("rule").add("no-password-grant");

        AdminClient.expect(204, admin.put(components + "/" + tab.path("id").asText(), tab));

        assertThat(admin.get("realms/" + REALM.name() + "/keyward-oauth21/exemptions"))
                .noneSatisfy(e -> assertThat(e.path("clientId").asText()).isEqualTo("exempted-batch"));
        assertThat(tab().toString()).doesNotContain("exempted-batch");
    }

    /** A master user with only these roles of this realm's management client, signed in. */
    private AdminClient delegatedAdmin(String... roles) {
        String name = "delegated-" + UUID.randomUUID().toString().substring(0, 8);
        admin.grantRealmManagementRoles(admin.createMasterUser(name), REALM.name(), roles);
        return admin.as(name, name + "-password");
    }

    private ObjectNode tab() {
        JsonNode tabs = admin.get(components + "?type=" + TAB_TYPE);
        assertThat(tabs).hasSize(1);
        return (ObjectNode) tabs.get(0);
    }
}
