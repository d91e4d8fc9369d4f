package dev.keyward.mappers.keycloak.example;

import java.util.List;
import java.util.Map;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

import dev.keyward.keycloak.defaults.ConsoleFields;
import dev.keyward.mappers.example.Greeting;
import dev.keyward.mappers.example.GreetingConfig;
import dev.keyward.mappers.keycloak.KeywardTokenMapper;
import dev.keyward.mappers.keycloak.PreparedMapperSettings;
import dev.keyward.settings.Problems;

/**
 * The "add a mapper" walkthrough (docs/architecture.md), proved in the test sources: a greeting
 * claim. The adapter declares its settings, checks them on save through the pure reader, and per
 * token hands Keycloak's values to the pure builder. Registered like the real mappers, in
 * {@code META-INF/services/org.keycloak.protocol.ProtocolMapper} (here the test one).
 */
public class ExampleGreetingMapper extends KeywardTokenMapper implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper {

    public static final String PROVIDER_ID = "keyward-example-greeting";
    private static final PreparedMapperSettings<GreetingConfig> SETTINGS = PreparedMapperSettings.reading(GreetingConfig::read);

    private static final List<ProviderConfigProperty> CONFIG = withClaimName(ConsoleFields.of(GreetingConfig.SETTINGS),
            ExampleGreetingMapper.class);

    public ExampleGreetingMapper() {
        super(PROVIDER_ID, "Keyward example greeting", "Greets the user by first name: \"Hello, Alice!\".", CONFIG);
    }

    @Override
    protected void check(Map<String, String> settings, Problems problems) {
        requireClaimName(settings, problems);
        GreetingConfig.read(settings, problems);
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel model, UserSessionModel userSession, KeycloakSession session,
                            ClientSessionContext clientSessionCtx) {
        UserModel user = userSession.getUser();
        OIDCAttributeMapperHelper.mapClaim(token, model, Greeting.of(SETTINGS.of(model), user.getFirstName(), user.getUsername()));
    }
}
