package dev.keyward.mappers.keycloak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.ProtocolMapper;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.provider.ProviderConfigProperty;

import dev.keyward.settings.Problems;

/**
 * What every Keyward token mapper shares: how it shows in the admin console (id, name, help,
 * settings) and how a save is checked. A mapper passes its description to the constructor, checks
 * its settings in {@link #check} through its settings reader, {@code read(settings, problems)},
 * and writes its claim in {@code setClaim}; the token-type interfaces it implements
 * ({@code OIDCAccessTokenMapper}…) say which tokens it may write to.
 */
public abstract class KeywardTokenMapper extends AbstractOIDCProtocolMapper {

    private final String id;
    private final String displayType;
    private final String helpText;
    private final List<ProviderConfigProperty> settings;

    protected KeywardTokenMapper(String id, String displayType, String helpText, List<ProviderConfigProperty> settings) {
        this.id = id;
        this.displayType = displayType;
        this.helpText = helpText;
        this.settings = settings;
    }

    /** The mapper's own settings, then Keycloak's "Token Claim Name" and its "Add to …" switches. */
    protected static List<ProviderConfigProperty> withClaimName(List<ProviderConfigProperty> own, Class<? extends ProtocolMapper> mapper) {
        List<ProviderConfigProperty> all = new ArrayList<>(own);
        OIDCAttributeMapperHelper.addTokenClaimNameConfig(all);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(all, mapper);
        return all;
    }

    /** The mapper's own settings, then Keycloak's "Add to …" switches, for a mapper that writes no named claim. */
    protected static List<ProviderConfigProperty> withTokenSwitches(List<ProviderConfigProperty> own, Class<? extends ProtocolMapper> mapper) {
        List<ProviderConfigProperty> all = new ArrayList<>(own);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(all, mapper);
        return all;
    }

    /** Adds a problem when Keycloak's "Token Claim Name" is empty. */
    protected static void requireClaimName(Map<String, String> settings, Problems problems) {
        String claim = settings.get(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME);
        if (claim == null || claim.isBlank()) {
            problems.add(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME, "Token Claim Name is required.");
        }
    }

    /** Adds to {@code problems} what is wrong with the settings an admin is about to save. */
    protected abstract void check(Map<String, String> settings, Problems problems);

    @Override
    public final void validateConfig(KeycloakSession session, RealmModel realm, ProtocolMapperContainerModel client,
                                     ProtocolMapperModel model) throws ProtocolMapperConfigException {
        Problems problems = new Problems();
        check(model.getConfig() == null ? Map.of() : model.getConfig(), problems);
        MapperConfigErrors.refuseIfAny(problems);
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public final String getDisplayType() {
        return displayType;
    }

    @Override
    public final String getHelpText() {
        return helpText;
    }

    @Override
    public final List<ProviderConfigProperty> getConfigProperties() {
        return settings;
    }
}
