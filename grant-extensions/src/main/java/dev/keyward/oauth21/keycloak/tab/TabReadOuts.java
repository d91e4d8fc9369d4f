package dev.keyward.oauth21.keycloak.tab;

import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.ui.extend.UiTabProvider;

/**
 * Development builds of Keyward 0.1.0 copied the compliance report and every exemption into the
 * admin-console tab's component, which any admin with view-realm reads back through the
 * components endpoint. This removes those copies: from each tab a save or an import hands in, and
 * once at startup from every realm's stored tab.
 */
final class TabReadOuts {

    /** The config keys under which earlier builds stored client ids, findings and exemptions. */
    static final List<String> COPIED_REPORT = List.of("compliance", "exemptions");
    private static final Logger LOG = Logger.getLogger(TabReadOuts.class);

    private TabReadOuts() {
    }

    static void stripCopiedReport(ComponentModel tab) {
        COPIED_REPORT.forEach(tab.getConfig()::remove);
    }

    static void stripFromEveryRealm(KeycloakSessionFactory factory) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.realms().getRealmsStream().forEach(TabReadOuts::strip));
    }

    private static void strip(RealmModel realm) {
        List<ComponentModel> leaking = realm.getComponentsStream(realm.getId(), UiTabProvider.class.getName())
                .filter(tab -> Oauth21ConsoleTab.PROVIDER_ID.equals(tab.getProviderId()))
                .filter(tab -> COPIED_REPORT.stream().anyMatch(tab.getConfig()::containsKey))
                .toList();
        for (ComponentModel tab : leaking) {
            stripCopiedReport(tab);
            realm.updateComponent(tab);
            LOG.warnf("Removed the compliance report and exemptions that an earlier Keyward build had copied into the admin-console tab"
                    + " of realm %s, where any admin with view-realm could read them (security fix, see Keyward's CHANGELOG).", realm.getName());
        }
    }
}
