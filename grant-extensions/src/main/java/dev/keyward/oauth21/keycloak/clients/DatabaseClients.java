package dev.keyward.oauth21.keycloak.clients;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

import dev.keyward.oauth21.keycloak.modes.ClientExemptions;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.RealmSettings;
import dev.keyward.oauth21.rule.ServerUrls;

/**
 * Reads every client of a realm from Keycloak's database in one query per kind of setting, only what the
 * settings' declaration ({@link StoredSetting}) names: its columns of {@code ClientEntity}, each of its
 * collections, its client attributes plus the exemption attributes, and the names of its default client
 * scopes. Through the model, a scan right after a start
 * loads each client whole into Keycloak's cache, several queries per client: with 10,000 clients that
 * took 3.6 to 6.9 s. The database is where the cache is filled from, so both see the same committed
 * settings. The queries name fields of Keycloak's internal entities ({@link #ENTITY_FIELDS});
 * {@code BulkReadSchemaIT} checks them against each supported release's entity classes.
 */
public final class DatabaseClients {

    private static final String JPA_CONNECTION_PROVIDER = "org.keycloak.connections.jpa.JpaConnectionProvider";
    private static final List<StoredSetting> COLUMNS = of(StoredSetting.Bulk.COLUMN);
    private static final List<StoredSetting> COLLECTIONS = of(StoredSetting.Bulk.COLLECTION);
    private static final List<String> ATTRIBUTES = of(StoredSetting.Bulk.ATTRIBUTE).stream().map(StoredSetting::bulkName).toList();
    private static final String CLIENTS = "select c.id, c.protocol"
            + COLUMNS.stream().map(setting -> ", c." + setting.bulkName()).collect(Collectors.joining())
            + " from ClientEntity c where c.realmId = :realm";
    private static final String DEFAULT_CLIENT_SCOPE_ROWS = "select m.clientId, s.name from ClientScopeClientMappingEntity m,"
            + " ClientScopeEntity s where s.id = m.clientScopeId and s.realmId = :realm and m.defaultScope = true";
    private static final String ATTRIBUTE_ROWS = "select a.client.id, a.name, a.value from ClientAttributeEntity a"
            + " where a.client.realmId = :realm and (a.name in :names or a.name like :prefix)";

    /** Every field of Keycloak's JPA entities the queries name, by entity. */
    public static final Map<String, List<String>> ENTITY_FIELDS = Map.of(
            "ClientEntity", Stream.concat(Stream.of("id", "protocol", "realmId"),
                    Stream.concat(COLUMNS.stream(), COLLECTIONS.stream()).map(StoredSetting::bulkName)).toList(),
            "ClientAttributeEntity", List.of("client", "name", "value"),
            "ClientScopeClientMappingEntity", List.of("clientId", "clientScopeId", "defaultScope"),
            "ClientScopeEntity", List.of("id", "name", "realmId"));

    private DatabaseClients() {
    }

    /** The realm's clients, with what they inherit from it, or empty when Keycloak does not keep them in a JPA database. */
    public static Optional<List<StoredClient>> read(KeycloakSession session, RealmModel realm, RealmSettings inheritedFrom) {
        Optional<EntityManager> connection = entityManager(session);
        if (connection.isEmpty()) {
            return Optional.empty();
        }
        EntityManager em = connection.get();
        Map<StoredSetting, Map<String, List<String>>> collections = new EnumMap<>(StoredSetting.class);
        for (StoredSetting collection : COLLECTIONS) {
            collections.put(collection, byClient(rows(em, "select c.id, v from ClientEntity c join c." + collection.bulkName()
                    + " v where c.realmId = :realm", realm)));
        }
        collections.put(StoredSetting.DEFAULT_CLIENT_SCOPES, byClient(rows(em, DEFAULT_CLIENT_SCOPE_ROWS, realm)));
        Map<String, Map<String, String>> attributes = new HashMap<>();
        for (Object[] row : em.createQuery(ATTRIBUTE_ROWS, Object[].class).setParameter("realm", realm.getId())
                .setParameter("names", ATTRIBUTES).setParameter("prefix", ClientExemptions.ATTRIBUTE_PREFIX + "%").getResultList()) {
            String name = (String) row[1];
            // Some databases compare names without case: keep exactly the attributes asked for.
            if (row[2] != null && (ATTRIBUTES.contains(name) || StoredClient.isExemption(name))) {
                attributes.computeIfAbsent((String) row[0], id -> new HashMap<>()).put(name, (String) row[2]);
            }
        }
        List<StoredClient> clients = new ArrayList<>();
        ServerUrls server = KeycloakClients.serverUrls(session);
        for (Object[] row : rows(em, CLIENTS, realm)) {
            String id = (String) row[0];
            Map<String, String> stored = attributes.getOrDefault(id, Map.of());
            ClientSettings settings = ClientSettings.read(setting -> value(StoredSetting.of(setting), row, id, stored, collections))
                    .onServer(server).inRealm(inheritedFrom);
            Map<String, String> exemptions = new HashMap<>(stored);
            exemptions.keySet().removeIf(name -> !StoredClient.isExemption(name));
            clients.add(new StoredClient((String) row[1], settings, exemptions));
        }
        return Optional.of(clients);
    }

    private static Object value(StoredSetting setting, Object[] row, String id, Map<String, String> attributes,
                                Map<StoredSetting, Map<String, List<String>>> collections) {
        return switch (setting.bulk()) {
            case COLUMN -> row[2 + COLUMNS.indexOf(setting)];
            case COLLECTION, DEFAULT_CLIENT_SCOPES -> collections.get(setting).getOrDefault(id, List.of());
            case ATTRIBUTE -> attributes.get(setting.bulkName());
        };
    }

    /** Rows of (client id, value) as each client's values, in a stable order so the report lists findings the same way every time. */
    private static Map<String, List<String>> byClient(List<Object[]> rows) {
        Map<String, List<String>> values = new HashMap<>();
        for (Object[] row : rows) {
            values.computeIfAbsent((String) row[0], id -> new ArrayList<>()).add((String) row[1]);
        }
        values.values().forEach(Collections::sort);
        return values;
    }

    private static List<StoredSetting> of(StoredSetting.Bulk bulk) {
        return Arrays.stream(StoredSetting.values()).filter(setting -> setting.bulk() == bulk).toList();
    }

    /**
     * Keycloak's JPA connection of this session. Found by name: keycloak-model-jpa, which declares it,
     * cannot be compiled against (its parent POM is not published).
     */
    private static Optional<EntityManager> entityManager(KeycloakSession session) {
        try {
            Class<? extends Provider> type = Class.forName(JPA_CONNECTION_PROVIDER, false, KeycloakSession.class.getClassLoader())
                    .asSubclass(Provider.class);
            Provider jpa = session.getProvider(type);
            return jpa == null ? Optional.empty() : Optional.of((EntityManager) type.getMethod("getEntityManager").invoke(jpa));
        } catch (ReflectiveOperationException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static List<Object[]> rows(EntityManager em, String query, RealmModel realm) {
        return em.createQuery(query, Object[].class).setParameter("realm", realm.getId()).getResultList();
    }
}
