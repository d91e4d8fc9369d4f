package dev.keyward.console.keycloak;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import dev.keyward.console.ConsoleOptions;
import dev.keyward.keycloak.defaults.ConsoleFields;
import dev.keyward.keycloak.defaults.StatelessProviderFactory;
import dev.keyward.settings.Problems;

/**
 * Serves the console at {@code /realms/{realm}/keyward/console/} and keeps its OAuth client in every realm: created
 * with each new realm, and once at startup in every realm that lacks it (never on a request nobody signed), unless the
 * server option {@code console-client} is false.
 */
public class ConsoleResourceProviderFactory implements RealmResourceProviderFactory, StatelessProviderFactory<RealmResourceProvider> {

    public static final String PROVIDER_ID = "keyward";

    private boolean keepsConsoleClient = true;

    @Override
    public void init(Config.Scope config) {
        Map<String, String> options = new HashMap<>();
        String value = config.get(ConsoleOptions.CONSOLE_CLIENT.key());
        if (value != null) {
            options.put(ConsoleOptions.CONSOLE_CLIENT.key(), value);
        }
        Problems problems = new Problems();
        keepsConsoleClient = ConsoleOptions.keepsConsoleClient(options, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Keyward: " + String.join("; ", problems.messages()));
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ConsoleFields.of(ConsoleOptions.SETTINGS);
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new ConsoleResourceProvider(session);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        if (!keepsConsoleClient) {
            return;
        }
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
