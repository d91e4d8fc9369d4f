package dev.keyward.mappers.keycloak.audience;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.CorsErrorResponseException;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;
import org.keycloak.services.clientpolicy.context.ServiceAccountTokenRequestContext;
import org.keycloak.services.clientpolicy.context.TokenRefreshContext;
import org.keycloak.services.clientpolicy.context.TokenRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.cors.Cors;

import dev.keyward.mappers.audience.ResourceAudienceConfig;
import dev.keyward.mappers.audience.ResourceIndicators;

/**
 * Refuses RFC 8707 {@code resource} values a client's resource-audience mapper does not allow,
 * with {@code invalid_target}, at the authorization and token endpoints, and remembers the
 * authorization request's resources for the token. Clients without that mapper are left alone.
 * Every refusal is a Keycloak error event with the details Keycloak gives a client-policy refusal
 * ({@code client_policy_error}, {@code client_policy_error_detail}); see the module README for why
 * this check has no report mode.
 */
public class ResourceIndicatorExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    private final KeycloakSession session;

    ResourceIndicatorExecutor(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getProviderId() {
        return ResourceIndicatorExecutorFactory.PROVIDER_ID;
    }

    /**
     * Whether the request carries a {@code resource} parameter this executor judges. Keyward's global
     * client policy asks before Keycloak builds its executors for an event, since most requests carry none.
     */
    public static boolean judges(ClientPolicyContext context) {
        return !requestedResources(context).isEmpty();
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        List<String> resources = requestedResources(context);
        if (resources.isEmpty()) {
            return;
        }
        switch (context.getEvent()) {
            case AUTHORIZATION_REQUEST -> {
                AuthorizationRequestContext authorization = (AuthorizationRequestContext) context;
                if (check(session.getContext().getClient(), resources, Set.of()) && authorization.getAuthenticationSession() != null) {
                    authorization.getAuthenticationSession().setClientNote(ResourceAudienceMapper.AUTHORIZED_NOTE, String.join(" ", resources));
                }
            }
            case TOKEN_REQUEST -> {
                TokenRequestContext token = (TokenRequestContext) context;
                try {
                    check(session.getContext().getClient(), resources, authorized(token.getParseResult().getClientSession()));
                } catch (ClientPolicyException refused) {
                    // Keycloak turns every policy refusal of a code redemption into invalid_grant; RFC 8707 asks for
                    // invalid_target. Answer directly, with the CORS headers of the token endpoint's own Cors provider,
                    // and record the error event Keycloak would have recorded.
                    codeToTokenError(refused);
                    throw new CorsErrorResponseException(session.getProvider(Cors.class), refused.getError(), refused.getErrorDetail(),
                            Response.Status.BAD_REQUEST);
                }
            }
            case TOKEN_REFRESH -> check(((TokenRefreshContext) context).getClient(), resources, Set.of());
            default -> check(session.getContext().getClient(), resources, Set.of());
        }
    }

    private void codeToTokenError(ClientPolicyException refused) {
        new EventBuilder(session.getContext().getRealm(), session, session.getContext().getConnection())
                .event(EventType.CODE_TO_TOKEN)
                .client(session.getContext().getClient())
                .detail(Details.REASON, Details.CLIENT_POLICY_ERROR)
                .detail(Details.CLIENT_POLICY_ERROR, refused.getError())
                .detail(Details.CLIENT_POLICY_ERROR_DETAIL, refused.getErrorDetail())
                .error(refused.getError());
    }

    /** True when the client judges resources (has the mapper) and these pass; throws invalid_target when they do not. */
    private static boolean check(ClientModel client, List<String> resources, Set<String> authorized) throws ClientPolicyException {
        if (client == null) {
            return false;
        }
        List<ResourceAudienceConfig> configs = ResourceAudienceMapper.configsOf(client);
        if (configs.isEmpty()) {
            return false;
        }
        Set<String> allowed = new HashSet<>();
        configs.forEach(config -> allowed.addAll(config.allowed()));
        Optional<String> refusal = ResourceIndicators.refusal(resources, allowed, authorized);
        if (refusal.isPresent()) {
            throw new ClientPolicyException(ResourceIndicators.INVALID_TARGET, refusal.get());
        }
        return true;
    }

    private static Set<String> authorized(AuthenticatedClientSessionModel clientSession) {
        String note = clientSession == null ? null : clientSession.getNote(ResourceAudienceMapper.AUTHORIZED_NOTE);
        return note == null || note.isBlank() ? Set.of() : new HashSet<>(Arrays.asList(note.split(" ")));
    }

    /** The {@code resource} values of the requests that may carry them; empty for every other request. */
    private static List<String> requestedResources(ClientPolicyContext context) {
        MultivaluedMap<String, String> parameters = switch (context.getEvent()) {
            case AUTHORIZATION_REQUEST -> ((AuthorizationRequestContext) context).getRequestParameters();
            case TOKEN_REQUEST -> ((TokenRequestContext) context).getParams();
            case TOKEN_REFRESH -> ((TokenRefreshContext) context).getParams();
            case SERVICE_ACCOUNT_TOKEN_REQUEST -> ((ServiceAccountTokenRequestContext) context).getParams();
            default -> null;
        };
        List<String> values = parameters == null ? null : parameters.get(ResourceIndicators.PARAMETER);
        return values == null ? List.of() : values;
    }
}
