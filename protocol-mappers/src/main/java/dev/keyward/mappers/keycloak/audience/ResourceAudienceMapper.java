package dev.keyward.mappers.keycloak.audience;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

import dev.keyward.keycloak.defaults.ConsoleFields;
import dev.keyward.mappers.audience.ResourceAudienceConfig;
import dev.keyward.mappers.audience.ResourceIndicators;
import dev.keyward.mappers.keycloak.KeywardTokenMapper;
import dev.keyward.mappers.keycloak.PreparedMapperSettings;
import dev.keyward.settings.Problems;

/**
 * Narrows the access token's {@code aud} to the RFC 8707 resources the client asked for, among
 * those the mapper allows; the {@code keyward-resource-indicators} client-policy executor refuses
 * the others with {@code invalid_target} before any token is made.
 */
public class ResourceAudienceMapper extends KeywardTokenMapper implements OIDCAccessTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "keyward-resource-audience";
    /** Client note: the resources of the authorization request, space-separated (set by the executor). */
    static final String AUTHORIZED_NOTE = "keyward.resource.authorized";
    /** Client-session note: the audience last issued, so refreshes and introspection agree with it. */
    static final String ISSUED_NOTE = "keyward.resource.issued";
    private static final PreparedMapperSettings<ResourceAudienceConfig> SETTINGS = PreparedMapperSettings.reading(ResourceAudienceConfig::read);

    private static final List<ProviderConfigProperty> CONFIG = withTokenSwitches(ConsoleFields.of(ResourceAudienceConfig.SETTINGS),
            ResourceAudienceMapper.class);

    public ResourceAudienceMapper() {
        super(PROVIDER_ID, "Keyward audience from resource indicators",
                "Sets the access token's audience to the resources the client asked for (RFC 8707 'resource' parameter),"
                        + " among the allowed ones, or to the default audience.",
                CONFIG);
    }

    /** After Keycloak's own audience mappers, so this one has the last word on {@code aud}. */
    @Override
    public int getPriority() {
        return 100;
    }

    @Override
    protected void check(Map<String, String> settings, Problems problems) {
        ResourceAudienceConfig.read(settings, problems);
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel model, UserSessionModel userSession, KeycloakSession session,
                            ClientSessionContext clientSessionCtx) {
        ResourceAudienceConfig config = SETTINGS.of(model);
        AuthenticatedClientSessionModel clientSession = clientSessionCtx.getClientSession();
        List<String> requested = tokenRequestResources(session);
        List<String> audience = ResourceIndicators.audience(requested, earlier(clientSession), config);
        if (audience.isEmpty()) {
            return;
        }
        token.audience(audience.toArray(String[]::new));
        if (!requested.isEmpty() && clientSession != null) {
            clientSession.setNote(ISSUED_NOTE, String.join(" ", audience));
        }
    }

    /** The audience issued before in this client session, else the authorization request's resources. */
    private static List<String> earlier(AuthenticatedClientSessionModel clientSession) {
        if (clientSession == null) {
            return List.of();
        }
        String issued = clientSession.getNote(ISSUED_NOTE);
        String authorized = clientSession.getNote(AUTHORIZED_NOTE);
        String notes = issued != null ? issued : authorized;
        return notes == null || notes.isBlank() ? List.of() : Arrays.asList(notes.split(" "));
    }

    private static List<String> tokenRequestResources(KeycloakSession session) {
        if (session.getContext().getHttpRequest() == null || !"POST".equals(session.getContext().getHttpRequest().getHttpMethod())) {
            return List.of();
        }
        MultivaluedMap<String, String> form = session.getContext().getHttpRequest().getDecodedFormParameters();
        List<String> resources = form == null ? null : form.get(ResourceIndicators.PARAMETER);
        return resources == null ? List.of() : resources;
    }

    /** The client's resource-audience mappers' settings, on the client itself or its client scopes. */
    static List<ResourceAudienceConfig> configsOf(ClientModel client) {
        return Stream.concat(
                        client.getProtocolMappersStream(),
                        Stream.of(true, false).flatMap(defaultScopes -> client.getClientScopes(defaultScopes).values().stream())
                                .flatMap(scope -> scope.getProtocolMappersStream()))
                .filter(mapper -> PROVIDER_ID.equals(mapper.getProtocolMapper()))
                .map(SETTINGS::of)
                .toList();
    }
}
