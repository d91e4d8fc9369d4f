package dev.keyward.authenticators.keycloak.flow;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Ends a login by answering the client through its own protocol, the way Keycloak's consent screen does on "No". */
public final class ClientAnswer {

    private ClientAnswer() {
    }

    /**
     * Fails the flow and sends the client to its redirect URI with {@code error=access_denied},
     * {@code state} and {@code iss} (for OIDC); the authentication session is removed by the protocol.
     */
    public static void accessDenied(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        LoginProtocol protocol = context.getSession().getProvider(LoginProtocol.class, authSession.getProtocol());
        protocol.setRealm(context.getRealm())
                .setHttpHeaders(context.getHttpRequest().getHttpHeaders())
                .setUriInfo(context.getUriInfo())
                .setEventBuilder(context.getEvent());
        context.failure(AuthenticationFlowError.ACCESS_DENIED, protocol.sendError(authSession, LoginProtocol.Error.CONSENT_DENIED, null));
    }
}
