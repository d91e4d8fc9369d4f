package dev.keyward.themes.keycloak.brand;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** The admin resource of one request; Keycloak hands it the realm, the admin's permissions and the admin-event builder. */
public class BrandAdminResourceProvider implements AdminRealmResourceProvider {

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new BrandAdminResource(session, realm, auth, adminEvent);
    }

    @Override
    public void close() {
    }
}
