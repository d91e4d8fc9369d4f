package dev.keyward.oauth21.keycloak.admin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

import dev.keyward.oauth21.keycloak.modes.ClientExemptions;
import dev.keyward.oauth21.keycloak.modes.KeycloakClients;

/**
 * Reads every client of a realm from Keycloak's database in three queries, only the columns the
 * compliance scan judges. Through the model, a scan right after a start loads each client whole into
 * Keycloak's cache, several queries per client: with 10,000 clients that took 3.6 to 6.9 s. The
 * database is where the cache is filled from, so both see the same committed settings.
 */
final class DatabaseClients {

    private static final String JPA_CONNECTION_PROVIDER = "org.keycloak.connections.jpa.JpaConnectionProvider";
    private static final String CLIENTS = "select c.id, c.clientId, c.protocol, c.publicClient, c.bearerOnly, c.standardFlowEnabled,"
            + " c.implicitFlowEnabled, c.directAccessGrantsEnabled, c.rootUrl from ClientEntity c where c.realmId = :realm";
    private static final String REDIRECT_URIS = "select c.id, uri from ClientEntity c join c.redirectUris uri where c.realmId = :realm";
    private static final String ATTRIBUTES = "select a.client.id, a.name, a.value from ClientAttributeEntity a"
            + " where a.client.realmId = :realm and (a.name = :pkce or a.name like :exemptions)";

    private DatabaseClients() {
    }

    /** The realm's clients, or empty when Keycloak does not keep them in a JPA database. */
    static Optional<List<StoredClient>> read(KeycloakSession session, RealmModel realm) {
        Optional<EntityManager> connection = entityManager(session);
        if (connection.isEmpty()) {
            return Optional.empty();
        }
        EntityManager em = connection.get();
        Map<String, List<String>> redirectUris = new HashMap<>();
        for (Object[] row : rows(em, REDIRECT_URIS, realm)) {
            redirectUris.computeIfAbsent((String) row[0], id -> new ArrayList<>()).add((String) row[1]);
        }
        // In a stable order, so the report lists a client's findings the same way every time.
        redirectUris.values().forEach(Collections::sort);
        Map<String, Map<String, String>> attributes = new HashMap<>();
        for (Object[] row : em.createQuery(ATTRIBUTES, Object[].class).setParameter("realm", realm.getId())
                .setParameter("pkce", KeycloakClients.PKCE_METHOD_ATTRIBUTE).setParameter("exemptions", ClientExemptions.ATTRIBUTE_PREFIX + "%")
                .getResultList()) {
            String name = (String) row[1];
            // Some databases compare names without case: keep exactly the attributes asked for.
            if (row[2] != null && (name.equals(KeycloakClients.PKCE_METHOD_ATTRIBUTE) || StoredClient.isExemption(name))) {
                attributes.computeIfAbsent((String) row[0], id -> new HashMap<>()).put(name, (String) row[2]);
            }
        }
        List<StoredClient> clients = new ArrayList<>();
        for (Object[] row : rows(em, CLIENTS, realm)) {
            String id = (String) row[0];
            Map<String, String> stored = attributes.getOrDefault(id, Map.of());
            Map<String, String> exemptions = new HashMap<>(stored);
            exemptions.keySet().removeIf(name -> !StoredClient.isExemption(name));
            clients.add(new StoredClient((String) row[2], KeycloakClients.settings((String) row[1], (Boolean) row[3], (Boolean) row[4],
                    redirectUris.getOrDefault(id, List.of()), (String) row[8], stored.get(KeycloakClients.PKCE_METHOD_ATTRIBUTE),
                    (Boolean) row[5], (Boolean) row[6], (Boolean) row[7]), exemptions));
        }
        return Optional.of(clients);
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
