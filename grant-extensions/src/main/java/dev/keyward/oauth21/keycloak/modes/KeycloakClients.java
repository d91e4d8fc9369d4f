package dev.keyward.oauth21.keycloak.modes;

import java.util.List;

import org.keycloak.models.ClientModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

import dev.keyward.oauth21.redirect.RedirectUriRegistration;
import dev.keyward.oauth21.rule.ClientSettings;

/** A stored Keycloak client as the rules see it. */
public final class KeycloakClients {

    /** Keycloak's client attribute behind the "PKCE Method" setting. */
    public static final String PKCE_METHOD_ATTRIBUTE = "pkce.code.challenge.method";

    private KeycloakClients() {
    }

    /** The client's settings; a bearer-only client (a resource server) takes part in no flow, whatever its switches say. */
    public static ClientSettings settings(ClientModel client) {
        boolean flows = !client.isBearerOnly();
        return new ClientSettings(client.getClientId(), client.isPublicClient(),
                RedirectUriRegistration.inForce(List.copyOf(client.getRedirectUris()), client.getRootUrl()),
                client.getAttribute(PKCE_METHOD_ATTRIBUTE), flows && client.isStandardFlowEnabled(), flows && client.isImplicitFlowEnabled(),
                flows && client.isDirectAccessGrantsEnabled());
    }

    /** The rules judge OpenID Connect clients; a client without a protocol is one. */
    public static boolean isOpenIdConnect(ClientModel client) {
        return client.getProtocol() == null || OIDCLoginProtocol.LOGIN_PROTOCOL.equals(client.getProtocol());
    }
}
