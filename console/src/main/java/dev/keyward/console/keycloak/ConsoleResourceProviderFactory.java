package dev.keyward.console.keycloak;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import dev.keyward.keycloak.defaults.StatelessProviderFactory;

/**
 * Serves the console at {@code /realms/{realm}/keyward/console/} and keeps its OAuth client in every realm: created
 * with each new realm, and once at startup in every realm that lacks it (never on a request nobody signed).
 */
public class ConsoleResourceProviderFactory implements RealmResourceProviderFactory, StatelessProviderFactory<RealmResourceProvider> {

    public static final String PROVIDER_ID = "keyward";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new ConsoleResourceProvider(session);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmPostCreateEvent created) {
                ConsoleClient.ensure(created.getKeycloakSession(), created.getCreatedRealm());
            } else if (event instanceof PostMigrationEvent) {
                ConsoleClient.ensureInEveryRealm(factory);
            }
        });
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
