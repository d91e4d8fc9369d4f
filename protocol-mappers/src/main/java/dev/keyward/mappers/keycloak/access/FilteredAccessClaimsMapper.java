package dev.keyward.mappers.keycloak.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.ModelToRepresentation;
import org.keycloak.protocol.ProtocolMapperUtils;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

import dev.keyward.keycloak.defaults.ConsoleFields;
import dev.keyward.mappers.access.AccessClaim;
import dev.keyward.mappers.access.AccessClaimBuilder;
import dev.keyward.mappers.access.AccessClaimConfig;
import dev.keyward.mappers.access.AccessEntry;
import dev.keyward.mappers.keycloak.KeywardTokenMapper;
import dev.keyward.mappers.keycloak.PreparedMapperSettings;
import dev.keyward.settings.Problems;

/**
 * Realm roles, client roles and groups in one claim, filtered, renamed, shaped and kept within a
 * size budget ({@link AccessClaimBuilder}). Roles are those Keycloak grants the token: composites
 * expanded, group roles included, limited by the client's role scope, as for its own role mappers.
 */
public class FilteredAccessClaimsMapper extends KeywardTokenMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "keyward-filtered-access-claims";
    private static final String TRUNCATED_SUFFIX = "_truncated";
    private static final PreparedMapperSettings<Prepared> PREPARED = new PreparedMapperSettings<>(FilteredAccessClaimsMapper::prepare);

    private static final List<ProviderConfigProperty> CONFIG = withClaimName(ConsoleFields.of(AccessClaimConfig.SETTINGS),
            FilteredAccessClaimsMapper.class);

    public FilteredAccessClaimsMapper() {
        super(PROVIDER_ID, "Keyward roles and groups (filtered)",
                "Realm roles, client roles and groups in one claim: include/exclude patterns, audience clients only,"
                        + " prefix stripping, array/by-client/string shape, de-duplication and a size budget.",
                CONFIG);
    }

    /** After Keycloak's audience mappers, so "only clients in the audience" sees the final audience. */
    @Override
    public int getPriority() {
        return 100;
    }

    @Override
    protected void check(Map<String, String> settings, Problems problems) {
        requireClaimName(settings, problems);
        AccessClaimConfig.read(settings, problems);
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel model, UserSessionModel userSession, KeycloakSession session,
                            ClientSessionContext clientSessionCtx) {
        Prepared prepared = PREPARED.of(model);
        AccessClaimConfig config = prepared.config();
        List<AccessEntry> entries = new ArrayList<>(256);
        if (config.realmRoles() || config.clientRoles()) {
            clientSessionCtx.getRolesStream().forEach(role -> entries.add(entry(role)));
        }
        if (config.groups()) {
            userSession.getUser().getGroupsStream().forEach(group -> entries.add(AccessEntry.group(ModelToRepresentation.buildGroupPath(group))));
        }
        AccessClaim claim = AccessClaimBuilder.build(entries, config.audienceClientsOnly() ? audience(token, clientSessionCtx) : Set.of(), config);
        if (claim.value() != null) {
            OIDCAttributeMapperHelper.mapClaim(token, prepared.claim(), claim.value());
        }
        if (claim.truncated()) {
            OIDCAttributeMapperHelper.mapClaim(token, prepared.truncatedMarker(), Boolean.TRUE);
        }
    }

    /** A mapper's settings read once: per token only a lookup. */
    private record Prepared(AccessClaimConfig config, ProtocolMapperModel claim, ProtocolMapperModel truncatedMarker) {
    }

    private static Prepared prepare(ProtocolMapperModel model) {
        AccessClaimConfig config = PreparedMapperSettings.read(model, AccessClaimConfig::read);
        String claimName = model.getConfig().get(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME);
        return new Prepared(config, listsKept(model, claimName), listsKept(model, claimName + TRUNCATED_SUFFIX));
    }

    private static AccessEntry entry(RoleModel role) {
        return role.getContainer() instanceof ClientModel client
                ? AccessEntry.clientRole(client.getClientId(), role.getName())
                : AccessEntry.realmRole(role.getName());
    }

    private static Set<String> audience(IDToken token, ClientSessionContext clientSessionCtx) {
        String[] audience = token.getAudience();
        return audience == null || audience.length == 0
                ? Set.of(clientSessionCtx.getClientSession().getClient().getClientId())
                : Set.of(audience);
    }

    /**
     * The mapper's model under the given claim name, marked multivalued: Keycloak's claim writer
     * would otherwise keep only a list's first element.
     */
    private static ProtocolMapperModel listsKept(ProtocolMapperModel model, String claimName) {
        Map<String, String> config = new HashMap<>(model.getConfig());
        config.put(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME, claimName);
        config.put(ProtocolMapperUtils.MULTIVALUED, "true");
        ProtocolMapperModel copy = new ProtocolMapperModel();
        copy.setName(model.getName());
        copy.setProtocolMapper(model.getProtocolMapper());
        copy.setConfig(config);
        return copy;
    }
}
