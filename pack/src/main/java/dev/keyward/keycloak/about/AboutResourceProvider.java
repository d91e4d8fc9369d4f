package dev.keyward.keycloak.about;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import dev.keyward.about.BuildInfo;

public class AboutResourceProvider implements AdminRealmResourceProvider {

    private final BuildInfo buildInfo;

    AboutResourceProvider(BuildInfo buildInfo) {
        this.buildInfo = buildInfo;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new AboutResource(buildInfo, auth);
    }

    @Override
    public void close() {
    }
}
