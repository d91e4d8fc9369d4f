package dev.keyward.authenticators.support;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.keycloak.events.EventBuilder;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Ends a login by answering the client through its own protocol, the way Keycloak's consent screen does on "No". */
public final class ClientAnswer {

    private ClientAnswer() {
    }

    /**
     * The client's redirect URI with {@code error=access_denied}, {@code state} and {@code iss}
     * (for OIDC); the authentication session is removed by the protocol.
     */
    public static Response accessDenied(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession,
                                        HttpRequest request, UriInfo uriInfo, EventBuilder event) {
        LoginProtocol protocol = session.getProvider(LoginProtocol.class, authSession.getProtocol());
        protocol.setRealm(realm)
                .setHttpHeaders(request.getHttpHeaders())
                .setUriInfo(uriInfo)
                .setEventBuilder(event);
        return protocol.sendError(authSession, LoginProtocol.Error.CONSENT_DENIED, null);
    }
}
