package dev.keyward.console.keycloak;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.managers.ClientManager;

import dev.keyward.console.ConsoleAddress;

/**
 * The console's OAuth client in a realm: public, authorization code only, PKCE S256, one exact redirect URI on this
 * server ({@code ${authBaseUrl}} resolves to its URL, as for Keycloak's own consoles). It passes Keyward's OAuth 2.1
 * rules in enforce mode with no exemption. It stays a plain client: an admin may edit or delete it, and it is not
 * created again in that realm until the next start.
 */
final class ConsoleClient {

    static final String CLIENT_ID = "keyward-console";
    private static final Logger LOG = Logger.getLogger(ConsoleClient.class);

    private ConsoleClient() {
    }

    static void ensure(KeycloakSession session, RealmModel realm) {
        if (realm.getClientByClientId(CLIENT_ID) == null) {
            ClientModel client = ClientManager.createClient(session, realm, representation(realm));
            adminRole(realm).ifPresent(client::addScopeMapping);
            LOG.infof("Keyward created the client %s in realm %s: the console at %s signs in with it", CLIENT_ID, realm.getName(),
                    ConsoleAddress.path(realm.getName()));
        }
    }

    /**
     * The role whose composites are every admin role of the realm: {@code admin} in the administration realm,
     * {@code realm-management}'s {@code realm-admin} elsewhere. Keycloak grants an admin request a role only when the
     * admin has it and the signing-in client's scope holds it, so the console's scope maps this one role, and its
     * tokens carry no other role of the user (Keyward's limited-public-client-scope rule).
     */
    private static Optional<RoleModel> adminRole(RealmModel realm) {
        if (realm.getName().equals(Config.getAdminRealm())) {
            return Optional.ofNullable(realm.getRole(AdminRoles.ADMIN));
        }
        return Optional.ofNullable(realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID)).map(management -> management.getRole(AdminRoles.REALM_ADMIN));
    }

    /** Each realm in a transaction of its own, so that a realm another node is setting up at the same moment only skips itself. */
    static void ensureInEveryRealm(KeycloakSessionFactory factory) {
        List<String> realmIds = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                session -> session.realms().getRealmsStream().map(RealmModel::getId).toList());
        for (String realmId : realmIds) {
            try {
                KeycloakModelUtils.runJobInTransaction(factory, session -> {
                    RealmModel realm = session.realms().getRealm(realmId);
                    if (realm != null) {
                        session.getContext().setRealm(realm);
                        ensure(session, realm);
                    }
                });
            } catch (ModelDuplicateException e) {
                LOG.debugf("Another node created %s in realm %s first", CLIENT_ID, realmId);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Keyward could not create the client %s in the realm with id %s, so its console cannot sign in there;"
                        + " create it with the settings in the console's README section, or restart to try again", CLIENT_ID, realmId);
            }
        }
    }

    static ClientRepresentation representation(RealmModel realm) {
        String console = ConsoleAddress.path(realm.getName());
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(CLIENT_ID);
        client.setName("Keyward console");
        client.setDescription("Signs admins in to Keyward's console (" + console + "): compliance, runtime evidence, fixes and"
                + " exemptions. Created by Keyward; delete it after uninstalling Keyward.");
        client.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setServiceAccountsEnabled(false);
        client.setConsentRequired(false);
        // Only the admin roles (see adminRole), as for Keycloak's own admin console.
        client.setFullScopeAllowed(false);
        client.setRootUrl("${authBaseUrl}");
        client.setBaseUrl(console);
        client.setRedirectUris(List.of(console));
        client.setWebOrigins(List.of("+"));
        client.setAttributes(Map.of(
                "pkce.code.challenge.method", "S256",
                "post.logout.redirect.uris", "+",
                // Keycloak answers its admin console's "whoami" (the roles to show buttons for) only to clients marked so.
                "security.admin.console", "true"));
        return client;
    }
}
