package dev.keyward.oauth21.keycloak.modes;

import java.util.Collection;
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

    /** The client's settings as the rules see them. */
    public static ClientSettings settings(ClientModel client) {
        return settings(client.getClientId(), client.isPublicClient(), client.isBearerOnly(), client.getRedirectUris(), client.getRootUrl(),
                client.getAttribute(PKCE_METHOD_ATTRIBUTE), client.isStandardFlowEnabled(), client.isImplicitFlowEnabled(),
                client.isDirectAccessGrantsEnabled());
    }

    /** Stored settings, however they were read; a bearer-only client (a resource server) takes part in no flow, whatever its switches say. */
    public static ClientSettings settings(String clientId, boolean publicClient, boolean bearerOnly, Collection<String> redirectUris,
                                          String rootUrl, String pkceMethod, boolean standardFlow, boolean implicitFlow,
                                          boolean directAccessGrants) {
        boolean flows = !bearerOnly;
        return new ClientSettings(clientId, publicClient, RedirectUriRegistration.inForce(List.copyOf(redirectUris), rootUrl), pkceMethod,
                flows && standardFlow, flows && implicitFlow, flows && directAccessGrants);
    }

    /** The rules judge OpenID Connect clients; a client without a protocol is one. */
    public static boolean isOpenIdConnect(ClientModel client) {
        return isOpenIdConnect(client.getProtocol());
    }

    public static boolean isOpenIdConnect(String protocol) {
        return protocol == null || OIDCLoginProtocol.LOGIN_PROTOCOL.equals(protocol);
    }
}
