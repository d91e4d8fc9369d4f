package dev.keyward.oauth21.keycloak.executor;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.OAuth2Constants;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.endpoints.request.AuthorizationEndpointRequest;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.Urls;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;

import dev.keyward.oauth21.fapi2.ClientAssertions;
import dev.keyward.oauth21.keycloak.clients.KeycloakClients;
import dev.keyward.oauth21.rule.AuthorizationRequest;
import dev.keyward.oauth21.rule.ClientAssertion;
import dev.keyward.oauth21.rule.ClientRegistration;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.RealmSettings;
import dev.keyward.oauth21.rule.TokenRequest;

/** Translates what Keycloak hands a client-policy executor into the rules' request records. */
final class KeycloakRequests {

    private static final String DPOP_HEADER = "DPoP";

    private KeycloakRequests() {
    }

    /** A request as Keycloak parsed it (plain or pushed). */
    static AuthorizationRequest authorization(KeycloakSession session, ClientModel client, RealmSettings realm, AuthorizationEndpointRequest request,
                                              boolean pushed) {
        return new AuthorizationRequest(KeycloakClients.settings(session, client, realm), request.getResponseType(), RequestedRedirectUri.of(request),
                request.getCodeChallenge(), request.getCodeChallengeMethod(), pushed);
    }

    /** A request's raw parameters, before Keycloak has matched anything. */
    static AuthorizationRequest authorization(KeycloakSession session, ClientModel client, RealmSettings realm, MultivaluedMap<String, String> params) {
        return new AuthorizationRequest(KeycloakClients.settings(session, client, realm), params.getFirst(OIDCLoginProtocol.RESPONSE_TYPE_PARAM),
                params.getFirst(OIDCLoginProtocol.REDIRECT_URI_PARAM), params.getFirst(OIDCLoginProtocol.CODE_CHALLENGE_PARAM),
                params.getFirst(OIDCLoginProtocol.CODE_CHALLENGE_METHOD_PARAM), false);
    }

    /** A token request with its grant, and whether it carries a DPoP proof (RFC 9449 section 4.1: the {@code DPoP} header). */
    static TokenRequest token(KeycloakSession session, ClientModel client, RealmSettings realm, String grantType, String codeVerifier) {
        return new TokenRequest(KeycloakClients.settings(session, client, realm), grantType, codeVerifier,
                session.getContext().getRequestHeaders().getHeaderString(DPOP_HEADER) != null);
    }

    /**
     * The client assertion a request authenticates with (private_key_jwt), read without verifying: Keycloak verifies it
     * and has refused the request already when it fails. Empty when the request carries none or it is not a JWT.
     */
    static Optional<ClientAssertion> clientAssertion(KeycloakSession session, ClientSettings client, MultivaluedMap<String, String> form) {
        String assertion = form == null ? null : form.getFirst(OAuth2Constants.CLIENT_ASSERTION);
        if (assertion == null) {
            return Optional.empty();
        }
        try {
            String issuer = Urls.realmIssuer(session.getContext().getUri().getBaseUri(), session.getContext().getRealm().getName());
            return Optional.of(ClientAssertions.read(client, new JWSInput(assertion).getContent(), issuer));
        } catch (JWSInputException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The OpenID Connect client a registration or update would leave behind (each setting as
     * proposed, or as stored where the proposal leaves it out), next to the client as stored
     * before. Empty for other protocols.
     */
    static Optional<ClientRegistration> registration(KeycloakSession session, ClientCRUDContext context, RealmSettings realm) {
        ClientRepresentation proposed = context.getProposedClientRepresentation();
        if (proposed == null || (proposed.getProtocol() != null && !OIDCLoginProtocol.LOGIN_PROTOCOL.equals(proposed.getProtocol()))) {
            return Optional.empty();
        }
        ClientSettings stored = context.getTargetClient() == null ? null : KeycloakClients.settings(session, context.getTargetClient(), realm);
        return Optional.of(new ClientRegistration(KeycloakClients.proposed(session, proposed, stored, realm), stored));
    }
}
