package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.keyward.testing.AdminClient;
import dev.keyward.testing.KcShCommand;
import dev.keyward.testing.KeycloakExtension;
import dev.keyward.testing.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Realm configuration as code: the demo realm goes through Keycloak's own offline import and
 * export ({@code kc.sh import}, {@code kc.sh export}) and back, on H2 and on PostgreSQL, and nothing Keyward configures
 * drifts: flows and their steps' settings, the terms action and its version, mapper settings,
 * brand, mode and profile attributes (the realm raised to FAPI 2.0, a client raised on its own), exemptions stored on
 * clients, the user-profile attributes for terms.
 * On drift it names the JSON paths that differ.
 */
@ExtendWith(KeycloakExtension.class)
class RealmRoundTripIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AS_CODE = "acme-as-code";

    @Test
    void theDemoRealmAndKeywardsStateSurviveExportAndReimport() throws Exception {
        ObjectNode realm = demoRealmWithExemption();
        Path scratch = KcShCommand.scratch("round-trip");
        Path input = scratch.resolve("acme-in.json");
        JSON.writeValue(input.toFile(), realm);

        JsonNode first = importThenExport(KcShCommand.Database.h2(scratch.resolve("first-db")), scratch, "first", input);
        JsonNode second = importThenExport(KcShCommand.Database.h2(scratch.resolve("second-db")), scratch, "second",
                scratch.resolve("first-export.json"));
        JsonNode onPostgres;
        // Not inside the scratch directory: that one is private to this user, and PostgreSQL runs as its own.
        try (PostgresServer postgres = PostgresServer.start(scratch.resolveSibling("round-trip-postgres"),
                Integer.getInteger("kc.round-trip.db.port", 15434))) {
            onPostgres = importThenExport(KcShCommand.Database.postgres(postgres), scratch, "postgres", scratch.resolve("first-export.json"));
        }

        ObjectNode expected = keywardState(realm);
        assertThat(expected.path("authenticationFlows").size()).as("the demo's Keyward flows").isEqualTo(3);
        assertThat(expected.path("clients").size()).as("clients with Keyward mappers or an exemption").isEqualTo(3);
        assertThat(expected.path("requiredActions").path("keyward-terms").path("config").path("terms-version").asText()).isEqualTo("2026-11");
        assertThat(expected.path("userProfileTermsAttributes").size()).isEqualTo(2);
        assertThat(expected.path("attributes").path("keyward.profile").asText()).isEqualTo("fapi2");
        assertThat(expected.path("clients").path("web").path("attributes").path("keyward.profile").asText()).isEqualTo("fapi2");
        assertThat(drift(expected, keywardState(first))).as("from the demo file to Keycloak's export").isEmpty();
        assertThat(drift(keywardState(first), keywardState(second))).as("from one export to the next after re-import").isEmpty();
        assertThat(drift(keywardState(first), keywardState(onPostgres))).as("from H2's export through PostgreSQL").isEmpty();
    }

    /**
     * The same JSON through the admin API, the way keycloak-config-cli applies a realm file: the realm created
     * from it, its clients applied again through {@code partialImport} (overwrite, as a second run does), then
     * read back with {@code partial-export}.
     */
    @Test
    void theDemoRealmAppliedThroughTheAdminApiKeepsKeywardsState(AdminClient admin) throws Exception {
        ObjectNode realm = demoRealmWithExemption();
        realm.put("realm", AS_CODE);
        admin.createRealm(realm);
        try {
            ObjectNode again = JsonNodeFactory.instance.objectNode().put("ifResourceExists", "OVERWRITE");
            again.set("clients", realm.get("clients"));
            JsonNode applied = AdminClient.json(AdminClient.expect(200, admin.post("realms/" + AS_CODE + "/partialImport", again)));
            assertThat(applied.path("overwritten").asInt()).as("clients overwritten").isEqualTo(realm.get("clients").size());

            JsonNode exported = AdminClient.json(AdminClient.expect(200,
                    admin.post("realms/" + AS_CODE + "/partial-export?exportClients=true&exportGroupsAndRoles=true", "")));
            assertThat(drift(keywardState(realm), keywardState(exported))).as("from the file through the admin API").isEmpty();
        } finally {
            admin.deleteRealm(AS_CODE);
        }
    }

    /** The demo realm with an exemption, raised to FAPI 2.0 (reporting) as a whole and for one client of its own. */
    private static ObjectNode demoRealmWithExemption() throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(KcShCommand.realmExports().resolve("acme-realm.json").toFile());
        withExemption(realm, "web", "pkce-required");
        ObjectNode attributes = realm.has("attributes") ? (ObjectNode) realm.get("attributes") : realm.putObject("attributes");
        attributes.put("keyward.profile", "fapi2").put("keyward.fapi2.mode", "report");
        clientAttributes(realm, "web").put("keyward.profile", "fapi2");
        return realm;
    }

    /** What Keyward configures in a realm representation, arrays keyed by their natural names. */
    static ObjectNode keywardState(JsonNode realm) {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        state.set("attributes", startingWith(realm.path("attributes"), "keyward."));
        state.set("requiredActions", keyed(realm.path("requiredActions"), a -> a.path("alias").asText(),
                a -> a.path("providerId").asText().startsWith("keyward")));
        state.set("authenticatorConfig", keyed(realm.path("authenticatorConfig"), c -> c.path("alias").asText(), c -> true));
        ObjectNode flows = JsonNodeFactory.instance.objectNode();
        for (JsonNode flow : realm.path("authenticationFlows")) {
            if (flow.path("alias").asText().startsWith("keyward")) {
                ObjectNode copy = flow.deepCopy();
                copy.remove("id");
                copy.set("authenticationExecutions", keyed(flow.path("authenticationExecutions"),
                        e -> e.hasNonNull("authenticator") ? e.path("authenticator").asText() : "flow " + e.path("flowAlias").asText(), e -> true));
                flows.set(flow.path("alias").asText(), copy);
            }
        }
        state.set("authenticationFlows", flows);
        ObjectNode clients = JsonNodeFactory.instance.objectNode();
        for (JsonNode client : realm.path("clients")) {
            ObjectNode keyward = JsonNodeFactory.instance.objectNode();
            keyward.set("attributes", startingWith(client.path("attributes"), "keyward."));
            ObjectNode mappers = keyed(client.path("protocolMappers"), m -> m.path("name").asText(),
                    m -> m.path("protocolMapper").asText().startsWith("keyward"));
            mappers.forEach(mapper -> ((ObjectNode) mapper).remove("id"));
            keyward.set("protocolMappers", mappers);
            if (!keyward.path("attributes").isEmpty() || !mappers.isEmpty()) {
                clients.set(client.path("clientId").asText(), keyward);
            }
        }
        state.set("clients", clients);
        state.set("userProfileTermsAttributes", termsAttributes(realm));
        return state;
    }

    /** Every leaf of {@code expected} that {@code actual} lacks or holds differently, as JSON paths; Keycloak may add defaults. */
    static List<String> drift(JsonNode expected, JsonNode actual) {
        List<String> paths = new ArrayList<>();
        collectDrift("$", expected, actual, paths);
        return paths;
    }

    private static void collectDrift(String path, JsonNode expected, JsonNode actual, List<String> paths) {
        if (expected.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                collectDrift(path + "." + field.getKey(), field.getValue(), actual.path(field.getKey()), paths);
            }
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                paths.add(path + ": " + expected + " became " + actual);
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                collectDrift(path + "[" + i + "]", expected.get(i), actual.get(i), paths);
            }
        } else if (!expected.asText().equals(actual.asText()) || actual.isMissingNode()) {
            paths.add(path + ": " + expected + " became " + (actual.isMissingNode() ? "(missing)" : actual));
        }
    }

    private static JsonNode importThenExport(KcShCommand.Database database, Path scratch, String name, Path file) throws IOException {
        KcShCommand.run(database, scratch.resolve(name + "-import.log"), "import", "--file=" + file);
        Path export = scratch.resolve(name + "-export.json");
        KcShCommand.run(database, scratch.resolve(name + "-export.log"), "export", "--realm=acme", "--users=same_file", "--file=" + export);
        return JSON.readTree(export.toFile());
    }

    private static void withExemption(ObjectNode realm, String clientId, String rule) {
        clientAttributes(realm, clientId).put("keyward.exemption." + rule, "{\"reason\":\"legacy SSO, ticket OPS-7\",\"expires\":\"2099-01-01T00:00:00Z\","
                + "\"grantedAt\":\"2026-12-02T00:00:00Z\",\"grantedBy\":\"admin\"}");
    }

    private static ObjectNode clientAttributes(ObjectNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client.has("attributes") ? (ObjectNode) client.get("attributes") : ((ObjectNode) client).putObject("attributes");
            }
        }
        throw new AssertionError("The demo realm has no client " + clientId);
    }

    private static ObjectNode startingWith(JsonNode object, String prefix) {
        ObjectNode selected = JsonNodeFactory.instance.objectNode();
        object.fields().forEachRemaining(field -> {
            if (field.getKey().startsWith(prefix)) {
                selected.set(field.getKey(), field.getValue());
            }
        });
        return selected;
    }

    private static ObjectNode keyed(JsonNode array, Function<JsonNode, String> key, java.util.function.Predicate<JsonNode> keep) {
        ObjectNode byKey = JsonNodeFactory.instance.objectNode();
        for (JsonNode item : array) {
            if (keep.test(item)) {
                ObjectNode copy = item.deepCopy();
                copy.remove("id");
                byKey.set(key.apply(item), copy);
            }
        }
        return byKey;
    }

    /** The keyward_terms_* attributes of the declarative user profile, whose configuration is a JSON string in a component. */
    private static ObjectNode termsAttributes(JsonNode realm) {
        ObjectNode terms = JsonNodeFactory.instance.objectNode();
        for (JsonNode component : realm.path("components").path("org.keycloak.userprofile.UserProfileProvider")) {
            for (JsonNode configuration : component.path("config").path("kc.user.profile.config")) {
                try {
                    for (JsonNode attribute : JSON.readTree(configuration.asText()).path("attributes")) {
                        if (attribute.path("name").asText().startsWith("keyward_terms")) {
                            terms.set(attribute.path("name").asText(), attribute);
                        }
                    }
                } catch (IOException e) {
                    throw new AssertionError("Unreadable user-profile configuration: " + configuration, e);
                }
            }
        }
        return terms;
    }
}
