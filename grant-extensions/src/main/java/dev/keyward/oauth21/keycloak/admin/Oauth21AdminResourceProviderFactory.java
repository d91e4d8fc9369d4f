package dev.keyward.oauth21.keycloak.admin;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

import dev.keyward.keycloak.defaults.StatelessProviderFactory;
import dev.keyward.oauth21.keycloak.executor.Oauth21ExecutorFactory;
import dev.keyward.oauth21.keycloak.modes.RuleModes;

/** Registers {@code /admin/realms/{realm}/keyward-oauth21}: the exemptions of the OAuth 2.1 baseline. */
public class Oauth21AdminResourceProviderFactory implements AdminRealmResourceProviderFactory, StatelessProviderFactory<AdminRealmResourceProvider> {

    public static final String PROVIDER_ID = "keyward-oauth21";

    private RuleModes modes;

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new Oauth21AdminResourceProvider(modes);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        modes = Oauth21ExecutorFactory.ruleModes(factory);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
