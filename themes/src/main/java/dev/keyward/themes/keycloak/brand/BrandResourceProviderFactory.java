package dev.keyward.themes.keycloak.brand;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import dev.keyward.keycloak.defaults.StatelessProviderFactory;

/** Serves each realm's brand at {@code /realms/{realm}/keyward-brand/}: the keyward theme links it from every page. */
public class BrandResourceProviderFactory implements RealmResourceProviderFactory, StatelessProviderFactory<RealmResourceProvider> {

    public static final String PROVIDER_ID = "keyward-brand";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new BrandResourceProvider(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
