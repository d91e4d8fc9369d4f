package dev.keyward.oauth21.keycloak.executor;

import org.keycloak.protocol.oidc.endpoints.request.AuthorizationEndpointRequest;

/** The redirect URI a parsed authorization request names, as sent (Keycloak 26.7 and later spell the getter this way). */
final class RequestedRedirectUri {

    private RequestedRedirectUri() {
    }

    static String of(AuthorizationEndpointRequest request) {
        return request.getRedirectUri();
    }
}
