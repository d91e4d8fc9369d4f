package dev.keyward.oauth21.keycloak.admin;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import dev.keyward.oauth21.keycloak.modes.RuleModes;

public class Oauth21AdminResourceProvider implements AdminRealmResourceProvider {

    private final RuleModes modes;

    Oauth21AdminResourceProvider(RuleModes modes) {
        this.modes = modes;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new Oauth21AdminResource(session, realm, auth, adminEvent, modes);
    }

    @Override
    public void close() {
    }
}
