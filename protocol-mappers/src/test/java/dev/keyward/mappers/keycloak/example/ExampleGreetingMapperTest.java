package dev.keyward.mappers.keycloak.example;

import static dev.keyward.mappers.keycloak.SaveCheck.assertAccepted;
import static dev.keyward.mappers.keycloak.SaveCheck.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.keycloak.protocol.ProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The example mapper is registered the way the real ones are, a line in
 * {@code META-INF/services/org.keycloak.protocol.ProtocolMapper}, and Java's service loader, which
 * Keycloak uses to find providers, finds it beside them.
 */
class ExampleGreetingMapperTest {

    @Test
    void theServiceLoaderFindsTheExampleBesideTheThreeRealMappers() {
        Map<String, ProtocolMapper> keyward = keywardMappers();

        assertThat(keyward).containsOnlyKeys("keyward-filtered-access-claims", "keyward-claims-template",
                "keyward-resource-audience", "keyward-example-greeting");
        assertThat(keyward.get(ExampleGreetingMapper.PROVIDER_ID)).isInstanceOf(ExampleGreetingMapper.class);
        assertThat(keyward.values()).allSatisfy(mapper -> assertThat(mapper.getDisplayCategory()).isEqualTo("Token mapper"));
    }

    @Test
    void itOffersItsSettingThenKeycloaksClaimNameAndTokenSwitches() {
        ProtocolMapper example = keywardMappers().get(ExampleGreetingMapper.PROVIDER_ID);

        assertThat(example.getConfigProperties()).extracting(ProviderConfigProperty::getName).startsWith("salutation", "claim.name")
                .contains(OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN, OIDCAttributeMapperHelper.INCLUDE_IN_ID_TOKEN,
                        OIDCAttributeMapperHelper.INCLUDE_IN_USERINFO)
                .doesNotContain(OIDCAttributeMapperHelper.INCLUDE_IN_INTROSPECTION);
        assertThat(example.getDisplayType()).isEqualTo("Keyward example greeting");
    }

    @Test
    void aSaveIsCheckedByTheSettingsReader() {
        ProtocolMapper example = keywardMappers().get(ExampleGreetingMapper.PROVIDER_ID);

        assertAccepted(example, Map.of("claim.name", "greeting", "salutation", "Hi"));
        assertRefused(example, Map.of("salutation", "x".repeat(41)),
                "Token Claim Name is required. Salutation must be at most 40 characters, not 41.");
    }

    private static Map<String, ProtocolMapper> keywardMappers() {
        return ServiceLoader.load(ProtocolMapper.class).stream()
                .filter(provider -> provider.type().getName().startsWith("dev.keyward."))
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toMap(ProtocolMapper::getId, mapper -> mapper));
    }
}
