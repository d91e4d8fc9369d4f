package dev.keyward.oauth21.keycloak.tab;

import java.util.Optional;

import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

/**
 * The admin behind a component save: Keycloak has already verified the bearer token of the admin
 * request, so it is read back from the session to apply Keyward's own permission rules
 * (manage-clients on the client) on top of Keycloak's (manage-realm for components).
 */
final class ConsoleAdmin {

    private ConsoleAdmin() {
    }

    /** By the token's subject, or (Keycloak 26 tokens may leave {@code sub} out) by its user session. */
    private static UserModel user(KeycloakSession session, RealmModel tokenRealm, AccessToken token) {
        if (token.getSubject() != null) {
            return session.users().getUserById(tokenRealm, token.getSubject());
        }
        UserSessionModel userSession = token.getSessionId() == null ? null : session.sessions().getUserSession(tokenRealm, token.getSessionId());
        return userSession == null ? null : userSession.getUser();
    }

    /** The saving admin's permissions on {@code realm}; empty when no admin request is behind the save (a realm import). */
    static Optional<AdminPermissionEvaluator> permissions(KeycloakSession session, RealmModel realm) {
        if (!(session.getContext().getBearerToken() instanceof AccessToken token) || token.getIssuer() == null) {
            return Optional.empty();
        }
        RealmModel tokenRealm = session.realms().getRealmByName(token.getIssuer().substring(token.getIssuer().lastIndexOf('/') + 1));
        UserModel user = tokenRealm == null ? null : user(session, tokenRealm, token);
        ClientModel client = tokenRealm == null ? null : tokenRealm.getClientByClientId(token.getIssuedFor());
        if (user == null) {
            throw new ComponentValidationException("Keyward could not tell which admin saved the tab.");
        }
        return Optional.of(AdminPermissions.evaluator(session, realm, new AdminAuth(tokenRealm, token, user, client)));
    }
}
