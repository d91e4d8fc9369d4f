package dev.keyward.mappers.template;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.representations.IDToken;

import dev.keyward.mappers.MapperConfigErrors;
import dev.keyward.mappers.PreparedSettings;

/** One JSON object claim built from a {@link ClaimTemplate}; the template is checked when the mapper is saved. */
public class ClaimsTemplateMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "keyward-claims-template";
    static final String TEMPLATE = "template";
    static final String OMIT_EMPTY = "omit-empty";
    private static final Logger LOG = Logger.getLogger(ClaimsTemplateMapper.class);
    // Compiled templates (or why they do not compile) by their text.
    private static final PreparedSettings<String, Object> COMPILED = new PreparedSettings<>();

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property().name(TEMPLATE).label("Claim template").type(ProviderConfigProperty.TEXT_TYPE)
            .defaultValue("{\n  \"tenant\": \"{{ user.attribute.tenant }}\"\n}")
            .helpText("A JSON object. A string that is one placeholder, \"{{ source | type | default(JSON) }}\", becomes a typed value"
                    + " (string, number, boolean, array). Sources: " + String.join(", ", Source.syntaxes()) + ".").add()
            .property().name(OMIT_EMPTY).label("Omit empty fields").type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true")
            .helpText("Leave out fields whose value is missing or empty; off: write them as null.").add()
            .build();

    static {
        OIDCAttributeMapperHelper.addTokenClaimNameConfig(CONFIG);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, ClaimsTemplateMapper.class);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "Keyward claims template";
    }

    @Override
    public String getHelpText() {
        return "Builds one JSON object claim from a template filled with user attributes and properties, client, realm,"
                + " granted scopes, roles and user-session notes.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, ProtocolMapperContainerModel client, ProtocolMapperModel model)
            throws ProtocolMapperConfigException {
        Map<String, String> config = model.getConfig() == null ? Map.of() : model.getConfig();
        String claim = config.get(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME);
        if (claim == null || claim.isBlank()) {
            throw MapperConfigErrors.refusal("Token Claim Name is required.");
        }
        try {
            ClaimTemplate.parse(config.get(TEMPLATE));
        } catch (TemplateException e) {
            throw MapperConfigErrors.refusal("Invalid claim template: " + e.getMessage());
        }
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel model, UserSessionModel userSession, KeycloakSession session,
                            ClientSessionContext clientSessionCtx) {
        Object compiled = compiled(model.getConfig().get(TEMPLATE));
        if (compiled instanceof TemplateException e) {
            // Saved past validation (an import, say): leave the claim out rather than fail the token request.
            LOG.warnf("Keyward claims template '%s' is invalid and adds no claim: %s", model.getName(), e.getMessage());
            return;
        }
        try {
            Map<String, Object> claim = ((ClaimTemplate) compiled).render(new KeycloakValues(userSession, clientSessionCtx),
                    !"false".equals(model.getConfig().get(OMIT_EMPTY)));
            OIDCAttributeMapperHelper.mapClaim(token, model, claim);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Keyward claims template '%s' could not be filled and adds no claim", model.getName());
        }
    }

    private static Object compiled(String template) {
        return COMPILED.get(template == null ? "" : template, text -> {
            try {
                return ClaimTemplate.parse(text);
            } catch (TemplateException e) {
                return e;
            }
        });
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
