package dev.keyward.oauth21.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Every {@link ClientSetting} goes through reading, the registration merge and the version without
 * being named here: a setting added to the enum is covered the day it appears.
 */
public class ClientSettingsTest {

    /** A stored value of the setting unlike its new-client default. */
    public static Object unlikeTheDefault(ClientSetting setting) {
        Object standard = setting.newClientDefault();
        if (standard instanceof Boolean flag) {
            return !flag;
        }
        if (standard instanceof List<?>) {
            return List.of("https://app.example/" + setting.id());
        }
        return "value-of-" + setting.id();
    }

    private static final ClientSettings NEW_CLIENT = ClientSettings.read(setting -> null);

    @ParameterizedTest
    @EnumSource(ClientSetting.class)
    void aSettingReadIsKeptAsStored(ClientSetting setting) {
        ClientSettings read = ClientSettings.read(each -> each == setting ? unlikeTheDefault(setting) : null);

        assertThat(read.value(setting)).isEqualTo(unlikeTheDefault(setting));
        assertThat(NEW_CLIENT.value(setting)).as("not set: Keycloak's default for a new client").isEqualTo(setting.newClientDefault());
    }

    @ParameterizedTest
    @EnumSource(ClientSetting.class)
    void aRegistrationTakesEachSettingAsProposedElseAsStored(ClientSetting setting) {
        ClientSettings stored = NEW_CLIENT.with(setting, unlikeTheDefault(setting));
        Map<ClientSetting, Object> proposesIt = new EnumMap<>(ClientSetting.class);
        proposesIt.put(setting, unlikeTheDefault(setting));
        Map<ClientSetting, Object> clearsIt = new EnumMap<>(ClientSetting.class);
        clearsIt.put(setting, null);

        assertThat(ClientSettings.merged(Map.of(), stored).value(setting)).as("left out: as stored").isEqualTo(unlikeTheDefault(setting));
        assertThat(ClientSettings.merged(Map.of(), null).value(setting)).as("a new client").isEqualTo(setting.newClientDefault());
        assertThat(ClientSettings.merged(proposesIt, NEW_CLIENT).value(setting)).as("proposed").isEqualTo(unlikeTheDefault(setting));
        assertThat(ClientSettings.merged(clearsIt, stored).value(setting)).as("cleared").isEqualTo(setting.newClientDefault());
    }

    @ParameterizedTest
    @EnumSource(ClientSetting.class)
    void theVersionChangesWithEverySetting(ClientSetting setting) {
        assertThat(NEW_CLIENT.with(setting, unlikeTheDefault(setting)).version()).hasSize(16).isNotEqualTo(NEW_CLIENT.version())
                .isEqualTo(NEW_CLIENT.with(setting, unlikeTheDefault(setting)).version());
    }

    @Test
    void theVersionTellsApartSettingsThatReadAlike() {
        assertThat(confidential("web", List.of("https://a.example/bc"), null, false, false).version())
                .isNotEqualTo(confidential("web", List.of("https://a.example/b", "c"), null, false, false).version())
                .isNotEqualTo(confidential("web", List.of("https://a.example/bc"), "", false, false).version())
                .isNotEqualTo(confidential("web", List.of("https://a.example/bc"), null, true, false).version())
                .isNotEqualTo(confidential("webs", List.of("https://a.example/bc"), null, false, false).version());
    }

    @Test
    void theVersionDoesNotDependOnTheOrderOfTheRedirectUris() {
        List<String> uris = List.of("https://web.example/cb", "https://web.example/silent", "http://127.0.0.1/cb");
        ClientSettings stored = confidential("web", uris, null, false, false);
        ClientSettings listedOtherwise = confidential("web", List.of(uris.get(2), uris.get(0), uris.get(1)), null, false, false);
        ClientSettings oneUriLess = confidential("web", uris.subList(0, 2), null, false, false);

        assertThat(stored.version()).isEqualTo(listedOtherwise.version()).isNotEqualTo(oneUriLess.version());
    }

    @Test
    void aBearerOnlyClientTakesPartInNoFlowAndRelativeUrisAreJoinedToTheRootUrl() {
        ClientSettings client = new ClientSettings("api", false, List.of("/cb"), null, true, true, true)
                .with(ClientSetting.ROOT_URL, "https://api.example").with(ClientSetting.BEARER_ONLY, true);

        assertThat(client.standardFlow() || client.implicitFlow() || client.directAccessGrants()).isFalse();
        assertThat(client.redirectUris()).containsExactly("https://api.example/cb");
    }

    private static ClientSettings confidential(String clientId, List<String> redirectUris, String pkceMethod, boolean implicit, boolean password) {
        return new ClientSettings(clientId, false, redirectUris, pkceMethod, true, implicit, password);
    }
}
