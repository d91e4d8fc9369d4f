package dev.keyward.mappers.keycloak.template;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

import dev.keyward.keycloak.defaults.ConsoleFields;
import dev.keyward.mappers.keycloak.KeywardTokenMapper;
import dev.keyward.mappers.keycloak.PreparedMapperSettings;
import dev.keyward.mappers.template.ClaimTemplate;
import dev.keyward.mappers.template.PreparedTemplate;
import dev.keyward.mappers.template.Source;
import dev.keyward.mappers.template.TemplateClaimConfig;
import dev.keyward.mappers.template.TemplateValues;
import dev.keyward.settings.Problems;

/** One JSON object claim built from a {@link ClaimTemplate}; the template is checked when the mapper is saved. */
public class ClaimsTemplateMapper extends KeywardTokenMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "keyward-claims-template";
    private static final Logger LOG = Logger.getLogger(ClaimsTemplateMapper.class);
    // Compiled once per saved settings; an invalid template is logged then, and adds no claim.
    private static final PreparedMapperSettings<TemplateClaimConfig> SETTINGS = PreparedMapperSettings.reading(TemplateClaimConfig::read);

    private static final List<ProviderConfigProperty> CONFIG = withClaimName(ConsoleFields.of(TemplateClaimConfig.SETTINGS),
            ClaimsTemplateMapper.class);

    public ClaimsTemplateMapper() {
        super(PROVIDER_ID, "Keyward claims template",
                "Builds one JSON object claim from a template filled with user attributes and properties, client, realm,"
                        + " granted scopes, roles and user-session notes.",
                CONFIG);
    }

    @Override
    protected void check(Map<String, String> settings, Problems problems) {
        requireClaimName(settings, problems);
        TemplateClaimConfig.read(settings, problems);
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel model, UserSessionModel userSession, KeycloakSession session,
                            ClientSessionContext clientSessionCtx) {
        TemplateClaimConfig config = SETTINGS.of(model);
        // Saved past validation (an import, say), an invalid template leaves the claim out rather than fail the token request.
        if (config.template() instanceof PreparedTemplate.Compiled compiled) {
            try {
                Map<String, Object> claim = compiled.template().render(new KeycloakValues(userSession, clientSessionCtx), config.omitEmpty());
                OIDCAttributeMapperHelper.mapClaim(token, model, claim);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Keyward claims template '%s' could not be filled and adds no claim", model.getName());
            }
        }
    }

    /** The template's sources, read from Keycloak for one token. */
    private record KeycloakValues(UserSessionModel userSession, ClientSessionContext clientSessionCtx) implements TemplateValues {

        @Override
        public List<String> values(Source source) {
            UserModel user = userSession.getUser();
            return switch (source.kind()) {
                case USER_ID -> one(user.getId());
                case USERNAME -> one(user.getUsername());
                case EMAIL -> one(user.getEmail());
                case EMAIL_VERIFIED -> one(Boolean.toString(user.isEmailVerified()));
                case FIRST_NAME -> one(user.getFirstName());
                case LAST_NAME -> one(user.getLastName());
                case USER_ATTRIBUTE -> user.getAttributeStream(source.name()).toList();
                case CLIENT_ID -> one(clientSessionCtx.getClientSession().getClient().getClientId());
                case REALM_NAME -> one(userSession.getRealm().getName());
                case SCOPES -> Arrays.stream(clientSessionCtx.getScopeString().split(" ")).filter(s -> !s.isEmpty()).toList();
                case SESSION_NOTE -> one(userSession.getNote(source.name()));
                case REALM_ROLES -> clientSessionCtx.getRolesStream()
                        .filter(role -> !role.isClientRole()).map(RoleModel::getName).sorted().toList();
                case CLIENT_ROLES -> clientSessionCtx.getRolesStream()
                        .filter(role -> role.getContainer() instanceof ClientModel c && c.getClientId().equals(source.name()))
                        .map(RoleModel::getName).sorted().toList();
            };
        }

        private static List<String> one(String value) {
            return value == null ? List.of() : List.of(value);
        }
    }
}
