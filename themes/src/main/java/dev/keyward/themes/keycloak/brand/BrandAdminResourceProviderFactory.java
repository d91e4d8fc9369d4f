package dev.keyward.themes.keycloak.brand;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

import dev.keyward.keycloak.defaults.StatelessProviderFactory;

/** Registers {@code /admin/realms/{realm}/keyward-brand}: the realm's brand attributes, read and saved with their checks. */
public class BrandAdminResourceProviderFactory implements AdminRealmResourceProviderFactory, StatelessProviderFactory<AdminRealmResourceProvider> {

    public static final String PROVIDER_ID = "keyward-brand";

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new BrandAdminResourceProvider();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
