package dev.keyward.oauth21.keycloak.executor;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.OAuth2Constants;
import org.keycloak.models.ClientModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.endpoints.request.AuthorizationEndpointRequest;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;

import dev.keyward.oauth21.redirect.RedirectUriRegistration;
import dev.keyward.oauth21.rule.AuthorizationRequest;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.TokenRequest;

/** Translates what Keycloak hands a client-policy executor into the rules' request records. */
final class KeycloakRequests {

    private KeycloakRequests() {
    }

    static ClientSettings settings(ClientModel client) {
        return new ClientSettings(client.getClientId(), client.isPublicClient(),
                RedirectUriRegistration.inForce(List.copyOf(client.getRedirectUris()), client.getRootUrl()));
    }

    /** A request as Keycloak parsed it (plain or pushed). */
    static AuthorizationRequest authorization(ClientModel client, AuthorizationEndpointRequest request) {
        return new AuthorizationRequest(settings(client), request.getResponseType(), request.getRedirectUri(),
                request.getCodeChallenge(), request.getCodeChallengeMethod());
    }

    /** A request's raw parameters, before Keycloak has matched anything. */
    static AuthorizationRequest authorization(ClientModel client, MultivaluedMap<String, String> params) {
        return new AuthorizationRequest(settings(client), params.getFirst(OIDCLoginProtocol.RESPONSE_TYPE_PARAM),
                params.getFirst(OIDCLoginProtocol.REDIRECT_URI_PARAM), params.getFirst(OIDCLoginProtocol.CODE_CHALLENGE_PARAM),
                params.getFirst(OIDCLoginProtocol.CODE_CHALLENGE_METHOD_PARAM));
    }

    static TokenRequest token(ClientModel client, MultivaluedMap<String, String> params) {
        return new TokenRequest(settings(client), params.getFirst(OAuth2Constants.GRANT_TYPE), params.getFirst(OAuth2Constants.CODE_VERIFIER));
    }

    /**
     * The OpenID Connect client a registration or update would leave behind: each setting as
     * proposed, or as stored where the proposal leaves it out. Empty for other protocols.
     */
    static Optional<ClientSettings> registration(ClientCRUDContext context) {
        ClientRepresentation proposed = context.getProposedClientRepresentation();
        if (proposed == null || (proposed.getProtocol() != null && !OIDCLoginProtocol.LOGIN_PROTOCOL.equals(proposed.getProtocol()))) {
            return Optional.empty();
        }
        ClientModel stored = context.getTargetClient();
        List<String> redirectUris = proposedOrStored(proposed.getRedirectUris(), stored, client -> List.copyOf(client.getRedirectUris()));
        String rootUrl = proposedOrStored(proposed.getRootUrl(), stored, ClientModel::getRootUrl);
        return Optional.of(new ClientSettings(proposedOrStored(proposed.getClientId(), stored, ClientModel::getClientId),
                Boolean.TRUE.equals(proposed.isPublicClient()),
                RedirectUriRegistration.inForce(redirectUris == null ? List.of() : redirectUris, rootUrl)));
    }

    private static <T> T proposedOrStored(T proposed, ClientModel stored, Function<ClientModel, T> setting) {
        return proposed != null || stored == null ? proposed : setting.apply(stored);
    }
}
