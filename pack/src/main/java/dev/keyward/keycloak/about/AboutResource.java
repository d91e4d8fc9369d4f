package dev.keyward.keycloak.about;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.keycloak.common.Version;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import dev.keyward.about.BuildInfo;

/** {@code GET /admin/realms/{realm}/keyward/about}: which Keyward is installed, for admins who may view the realm. */
public class AboutResource {

    private final BuildInfo buildInfo;
    private final AdminPermissionEvaluator auth;

    AboutResource(BuildInfo buildInfo, AdminPermissionEvaluator auth) {
        this.buildInfo = buildInfo;
        this.auth = auth;
    }

    @GET
    @Path("about")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> about() {
        auth.realm().requireViewRealm();
        return buildInfo.asOperationalInfo(Version.VERSION);
    }
}
