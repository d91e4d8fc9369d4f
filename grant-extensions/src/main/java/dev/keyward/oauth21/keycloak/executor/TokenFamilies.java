package dev.keyward.oauth21.keycloak.executor;

import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.RefreshToken;
import org.keycloak.util.TokenUtil;

/** The family of a refresh token: every token of its client in its (online or offline) user session. */
final class TokenFamilies {

    private TokenFamilies() {
    }

    static boolean dpopBound(RefreshToken token) {
        return token.getConfirmation() != null && token.getConfirmation().getKeyThumbprint() != null;
    }

    /** Detaches the client from the token's session, which ends every token of the family. */
    static void revoke(KeycloakSession session, RealmModel realm, ClientModel client, RefreshToken token) {
        UserSessionModel userSession = TokenUtil.TOKEN_TYPE_OFFLINE.equals(token.getType())
                ? session.sessions().getOfflineUserSession(realm, token.getSessionId())
                : session.sessions().getUserSession(realm, token.getSessionId());
        AuthenticatedClientSessionModel clientSession = userSession == null ? null
                : userSession.getAuthenticatedClientSessionByClient(client.getId());
        if (clientSession != null) {
            // The model call itself: TokenManager's wrapper was spelled dettachClientSession before Keycloak 26.7.
            clientSession.detachFromUserSession();
        }
    }
}
