package dev.keyward.keycloak.about;

import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.common.Version;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

import dev.keyward.about.BuildInfo;
import dev.keyward.keycloak.defaults.StatelessProviderFactory;

/**
 * Registers {@code /admin/realms/{realm}/keyward} and shows the installed Keyward version
 * on the admin console's server info page.
 */
public class AboutResourceProviderFactory implements AdminRealmResourceProviderFactory, ServerInfoAwareProviderFactory,
        StatelessProviderFactory<AdminRealmResourceProvider> {

    public static final String PROVIDER_ID = "keyward";

    private static final Logger LOG = Logger.getLogger(AboutResourceProviderFactory.class);

    private BuildInfo buildInfo;

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new AboutResourceProvider(buildInfo);
    }

    @Override
    public void init(Config.Scope config) {
        buildInfo = BuildInfo.load();
        if (buildInfo.matchesFeatureRelease(Version.VERSION)) {
            LOG.infof("Keyward %s loaded (built for Keycloak %s)", buildInfo.keywardVersion(), buildInfo.builtForKeycloak());
        } else {
            // Keycloak's SPIs change between feature releases; say so before anything misbehaves.
            LOG.warnf("Keyward %s was built for Keycloak %s but runs on %s; use the Keyward release built for %s",
                    buildInfo.keywardVersion(), buildInfo.builtForKeycloak(), Version.VERSION, Version.VERSION);
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return buildInfo.asOperationalInfo(Version.VERSION);
    }
}
