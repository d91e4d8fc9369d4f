package dev.keyward.oauth21.admin;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import dev.keyward.oauth21.enforcement.RuleModes;

public class ExemptionsResourceProvider implements AdminRealmResourceProvider {

    private final RuleModes modes;

    ExemptionsResourceProvider(RuleModes modes) {
        this.modes = modes;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new ExemptionsResource(realm, auth, adminEvent, modes);
    }

    @Override
    public void close() {
    }
}
