package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.keyward.oauth21.keycloak.clients.DatabaseClients;
import dev.keyward.testing.CompatibilitySubset;
import dev.keyward.testing.KeycloakLibraries;
import org.junit.jupiter.api.Test;

/**
 * The compliance report's bulk read queries Keycloak's internal JPA entities, which no API promises
 * to keep: every field it names must exist in the entity classes of the Keycloak this JAR is built
 * for. Part of the compatibility subset, so it runs against each supported release's own classes and
 * fails on the first release whose schema differs.
 */
@CompatibilitySubset
class BulkReadSchemaIT {

    private static final String ENTITIES = "org.keycloak.models.jpa.entities.";

    @Test
    void everyEntityFieldTheBulkReadNamesExistsInThisKeycloak() throws ClassNotFoundException {
        ClassLoader modelJpa = KeycloakLibraries.library("org.keycloak.keycloak-model-jpa-");

        assertThat(DatabaseClients.ENTITY_FIELDS).containsOnlyKeys("ClientEntity", "ClientAttributeEntity", "ClientScopeClientMappingEntity",
                "ClientScopeEntity");
        for (Map.Entry<String, List<String>> entity : DatabaseClients.ENTITY_FIELDS.entrySet()) {
            List<String> fields = Arrays.stream(Class.forName(ENTITIES + entity.getKey(), false, modelJpa).getDeclaredFields())
                    .map(Field::getName).toList();
            assertThat(fields).as(entity.getKey() + " in this Keycloak").containsAll(entity.getValue());
        }
    }
}
