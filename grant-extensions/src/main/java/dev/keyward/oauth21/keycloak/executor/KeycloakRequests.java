package dev.keyward.oauth21.keycloak.executor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.OAuth2Constants;
import org.keycloak.models.ClientModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.endpoints.request.AuthorizationEndpointRequest;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;

import dev.keyward.oauth21.keycloak.modes.KeycloakClients;
import dev.keyward.oauth21.redirect.RedirectUriRegistration;
import dev.keyward.oauth21.rule.AuthorizationRequest;
import dev.keyward.oauth21.rule.ClientRegistration;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.TokenRequest;

/** Translates what Keycloak hands a client-policy executor into the rules' request records. */
final class KeycloakRequests {

    private KeycloakRequests() {
    }

    /** A request as Keycloak parsed it (plain or pushed). */
    static AuthorizationRequest authorization(ClientModel client, AuthorizationEndpointRequest request) {
        return new AuthorizationRequest(KeycloakClients.settings(client), request.getResponseType(), RequestedRedirectUri.of(request),
                request.getCodeChallenge(), request.getCodeChallengeMethod());
    }

    /** A request's raw parameters, before Keycloak has matched anything. */
    static AuthorizationRequest authorization(ClientModel client, MultivaluedMap<String, String> params) {
        return new AuthorizationRequest(KeycloakClients.settings(client), params.getFirst(OIDCLoginProtocol.RESPONSE_TYPE_PARAM),
                params.getFirst(OIDCLoginProtocol.REDIRECT_URI_PARAM), params.getFirst(OIDCLoginProtocol.CODE_CHALLENGE_PARAM),
                params.getFirst(OIDCLoginProtocol.CODE_CHALLENGE_METHOD_PARAM));
    }

    static TokenRequest token(ClientModel client, MultivaluedMap<String, String> params) {
        return new TokenRequest(KeycloakClients.settings(client), params.getFirst(OAuth2Constants.GRANT_TYPE), params.getFirst(OAuth2Constants.CODE_VERIFIER));
    }

    /**
     * The OpenID Connect client a registration or update would leave behind (each setting as
     * proposed, or as stored where the proposal leaves it out), next to the client as stored
     * before. Empty for other protocols.
     */
    static Optional<ClientRegistration> registration(ClientCRUDContext context) {
        ClientRepresentation proposed = context.getProposedClientRepresentation();
        if (proposed == null || (proposed.getProtocol() != null && !OIDCLoginProtocol.LOGIN_PROTOCOL.equals(proposed.getProtocol()))) {
            return Optional.empty();
        }
        ClientModel storedModel = context.getTargetClient();
        ClientSettings stored = storedModel == null ? null : KeycloakClients.settings(storedModel);
        List<String> redirectUris = proposed.getRedirectUris() != null ? proposed.getRedirectUris()
                : storedModel == null ? List.of() : List.copyOf(storedModel.getRedirectUris());
        String rootUrl = proposed.getRootUrl() != null ? proposed.getRootUrl() : storedModel == null ? null : storedModel.getRootUrl();
        Map<String, String> attributes = proposed.getAttributes() == null ? Map.of() : proposed.getAttributes();
        ClientSettings after = new ClientSettings(
                or(proposed.getClientId(), stored, ClientSettings::clientId, null),
                or(proposed.isPublicClient(), stored, ClientSettings::publicClient, false),
                RedirectUriRegistration.inForce(redirectUris, rootUrl),
                attributes.containsKey(KeycloakClients.PKCE_METHOD_ATTRIBUTE) ? attributes.get(KeycloakClients.PKCE_METHOD_ATTRIBUTE)
                        : stored == null ? null : stored.pkceMethod(),
                or(proposed.isStandardFlowEnabled(), stored, ClientSettings::standardFlow, true),
                or(proposed.isImplicitFlowEnabled(), stored, ClientSettings::implicitFlow, false),
                or(proposed.isDirectAccessGrantsEnabled(), stored, ClientSettings::directAccessGrants, false));
        return Optional.of(new ClientRegistration(after, stored));
    }

    /** The proposed value, else the stored one, else Keycloak's default for a new client. */
    private static <T> T or(T proposed, ClientSettings stored, Function<ClientSettings, T> setting, T newClientDefault) {
        return proposed != null ? proposed : stored != null ? setting.apply(stored) : newClientDefault;
    }
}
