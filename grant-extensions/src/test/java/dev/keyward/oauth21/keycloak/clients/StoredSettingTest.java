package dev.keyward.oauth21.keycloak.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.idm.ClientRepresentation;

import dev.keyward.oauth21.baseline.Baseline;
import dev.keyward.oauth21.rule.ClientSetting;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.ClientSettingsTest;
import dev.keyward.oauth21.rule.Finding;
import dev.keyward.oauth21.rule.RealmSettings;

/**
 * Each client setting's one declaration covers every way Keyward reads and writes it: from a stored
 * client, from a proposed registration (with the merge), in the bulk read's queries, and in the
 * one-click fix of every finding that has one. Enumerated, so a new setting is covered the day it is
 * declared. (The ITs run the same paths against a real Keycloak.)
 */
class StoredSettingTest {

    /** No placeholder is stored in these clients, so nothing is resolved through a session. */
    private static final KeycloakSession NO_SESSION = null;

    @Test
    void everyClientSettingHasExactlyOneDeclaration() {
        assertThat(Arrays.stream(StoredSetting.values()).map(StoredSetting::setting)).containsExactly(ClientSetting.values());
    }

    @ParameterizedTest
    @EnumSource(ClientSetting.class)
    void aStoredClientIsReadThroughTheDeclaration(ClientSetting setting) {
        ClientModel client = model(representationWith(setting, ClientSettingsTest.unlikeTheDefault(setting)));

        assertThat(KeycloakClients.settings(NO_SESSION, client, RealmSettings.UNKNOWN).value(setting)).isEqualTo(ClientSettingsTest.unlikeTheDefault(setting));
    }

    @ParameterizedTest
    @EnumSource(ClientSetting.class)
    void aRegistrationIsMergedThroughTheDeclaration(ClientSetting setting) {
        Object value = ClientSettingsTest.unlikeTheDefault(setting);
        ClientSettings stored = KeycloakClients.settings(NO_SESSION, model(representationWith(setting, value)), RealmSettings.UNKNOWN);

        assertThat(KeycloakClients.proposed(NO_SESSION, representationWith(setting, value), null, RealmSettings.UNKNOWN).value(setting)).as("proposed").isEqualTo(value);
        assertThat(KeycloakClients.proposed(NO_SESSION, new ClientRepresentation(), stored, RealmSettings.UNKNOWN).value(setting)).as("left out").isEqualTo(value);
    }

    @ParameterizedTest
    @EnumSource(StoredSetting.class)
    void theBulkReadAsksForEverySetting(StoredSetting setting) {
        if (setting.bulk() == StoredSetting.Bulk.ATTRIBUTE) {
            assertThat(setting.bulkName()).isEqualTo(setting.setting().attribute());
        } else if (setting.bulk() == StoredSetting.Bulk.DEFAULT_CLIENT_SCOPES) {
            assertThat(DatabaseClients.ENTITY_FIELDS).containsKeys("ClientScopeClientMappingEntity", "ClientScopeEntity");
        } else {
            assertThat(DatabaseClients.ENTITY_FIELDS.get("ClientEntity")).contains(setting.bulkName());
        }
    }

    @Test
    void everyFindingWithASafeValueIsFixedByWritingItThroughTheDeclaration() {
        ClientRepresentation legacy = new ClientRepresentation();
        legacy.setClientId("legacy");
        legacy.setPublicClient(true);
        legacy.setStandardFlowEnabled(true);
        legacy.setImplicitFlowEnabled(true);
        legacy.setDirectAccessGrantsEnabled(true);
        legacy.setRedirectUris(List.of("https://app.example/*"));
        legacy.setAttributes(new HashMap<>(Map.of("pkce.code.challenge.method", "plain")));
        legacy.setDefaultClientScopes(List.of("profile", "offline_access"));
        ClientModel client = model(legacy);
        List<Finding> fixable = Baseline.oauth21().checkStoredClient(KeycloakClients.settings(NO_SESSION, client, RealmSettings.UNKNOWN)).stream()
                .filter(finding -> finding.violation().setting().safeValue() != null).toList();

        assertThat(fixable).extracting(finding -> finding.violation().setting().name())
                .contains(ClientSetting.PKCE_METHOD.id(), ClientSetting.IMPLICIT_FLOW.id(), ClientSetting.DIRECT_ACCESS_GRANTS.id(),
                        ClientSetting.DEFAULT_CLIENT_SCOPES.id());
        for (Finding finding : fixable) {
            StoredSetting setting = StoredSetting.byId(finding.violation().setting().name()).orElseThrow();
            assertThat(setting.writable()).as(setting + " has a safe value, so a fix writes it").isTrue();
            setting.write(client, finding.violation().setting().safeValue());
            assertThat(Baseline.oauth21().checkStoredClient(KeycloakClients.settings(NO_SESSION, client, RealmSettings.UNKNOWN)))
                    .noneMatch(after -> after.rule() == finding.rule() && after.violation().setting().name().equals(setting.setting().id()));
        }
        assertThat(legacy.getOptionalClientScopes()).as("a default scope the fix leaves out stays, as optional").containsExactly("offline_access");
    }

    private static ClientScopeModel scope(String name) {
        return (ClientScopeModel) Proxy.newProxyInstance(ClientScopeModel.class.getClassLoader(), new Class<?>[] {ClientScopeModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> name;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static List<String> nonNull(List<String> names) {
        return names == null ? List.of() : names;
    }

    private static List<String> withOut(List<String> names, String name) {
        return nonNull(names).stream().filter(each -> !each.equals(name)).toList();
    }

    /** A client as the admin API represents it, with one setting given. */
    private static ClientRepresentation representationWith(ClientSetting setting, Object value) {
        ClientRepresentation client = new ClientRepresentation();
        if (setting.attribute() != null) {
            client.setAttributes(new HashMap<>(Map.of(setting.attribute(), (String) value)));
            return client;
        }
        try {
            Method setter = Arrays.stream(ClientRepresentation.class.getMethods())
                    .filter(method -> method.getName().equalsIgnoreCase("set" + setting.id()) && method.getParameterCount() == 1)
                    .findFirst().orElseThrow(() -> new AssertionError("ClientRepresentation has no setter for " + setting.id()));
            setter.invoke(client, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return client;
    }

    /**
     * A {@link ClientModel} over a representation, answering the getters and setters the declarations
     * use (a real ClientModel needs a running Keycloak; the ITs use those). Client scopes are the
     * representation's default and optional scope names; the client has no realm.
     */
    private static ClientModel model(ClientRepresentation client) {
        return (ClientModel) Proxy.newProxyInstance(ClientModel.class.getClassLoader(), new Class<?>[] {ClientModel.class}, (proxy, method, args) -> {
            String name = method.getName();
            switch (name) {
                case "getRealm":
                    return null;
                case "getClientScopes": {
                    List<String> names = (Boolean) args[0] ? client.getDefaultClientScopes() : client.getOptionalClientScopes();
                    Map<String, ClientScopeModel> scopes = new LinkedHashMap<>();
                    (names == null ? List.<String>of() : names).forEach(scope -> scopes.put(scope, scope(scope)));
                    return scopes;
                }
                case "removeClientScope":
                    client.setDefaultClientScopes(withOut(client.getDefaultClientScopes(), ((ClientScopeModel) args[0]).getName()));
                    client.setOptionalClientScopes(withOut(client.getOptionalClientScopes(), ((ClientScopeModel) args[0]).getName()));
                    return null;
                case "addClientScope": {
                    List<String> names = new ArrayList<>((Boolean) args[1] ? nonNull(client.getDefaultClientScopes()) : nonNull(client.getOptionalClientScopes()));
                    names.add(((ClientScopeModel) args[0]).getName());
                    if ((Boolean) args[1]) {
                        client.setDefaultClientScopes(names);
                    } else {
                        client.setOptionalClientScopes(names);
                    }
                    return null;
                }
                default:
                    break;
            }
            if (name.equals("getAttribute")) {
                return client.getAttributes() == null ? null : client.getAttributes().get((String) args[0]);
            }
            if (name.equals("setAttribute")) {
                if (client.getAttributes() == null) {
                    client.setAttributes(new HashMap<>());
                }
                return client.getAttributes().put((String) args[0], (String) args[1]);
            }
            Method same = Arrays.stream(ClientRepresentation.class.getMethods())
                    .filter(candidate -> candidate.getName().equals(name) && candidate.getParameterCount() == method.getParameterCount())
                    .findFirst().orElseThrow(() -> new UnsupportedOperationException(name));
            Object answer = same.invoke(client, args);
            if (method.getReturnType() == Set.class) {
                // The model's collections (redirect URIs, web origins) are sets, never null; the representation's lists.
                return answer == null ? new LinkedHashSet<String>() : new LinkedHashSet<>((List<?>) answer);
            }
            return answer == null && method.getReturnType() == boolean.class ? false : answer;
        });
    }
}
