package dev.keyward.oauth21.keycloak.clients;

import java.util.EnumMap;
import java.util.Map;

import org.keycloak.models.ClientModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.representations.idm.ClientRepresentation;

import dev.keyward.oauth21.rule.ClientSetting;
import dev.keyward.oauth21.rule.ClientSettings;

/** A Keycloak client as the rules see it, read through the settings' one declaration ({@link StoredSetting}). */
public final class KeycloakClients {

    private KeycloakClients() {
    }

    /** The stored client's settings. */
    public static ClientSettings settings(ClientModel client) {
        return ClientSettings.read(setting -> StoredSetting.of(setting).read(client));
    }

    /**
     * The client a registration or update would leave behind: each setting as {@code proposed}, or as
     * {@code stored} where the proposal leaves it out (a new client when {@code stored} is null).
     */
    public static ClientSettings proposed(ClientRepresentation proposed, ClientSettings stored) {
        Map<ClientSetting, Object> given = new EnumMap<>(ClientSetting.class);
        for (StoredSetting setting : StoredSetting.values()) {
            if (setting.proposes(proposed)) {
                given.put(setting.setting(), setting.read(proposed));
            }
        }
        return ClientSettings.merged(given, stored);
    }

    /** The rules judge OpenID Connect clients; a client without a protocol is one. */
    public static boolean isOpenIdConnect(ClientModel client) {
        return isOpenIdConnect(client.getProtocol());
    }

    public static boolean isOpenIdConnect(String protocol) {
        return protocol == null || OIDCLoginProtocol.LOGIN_PROTOCOL.equals(protocol);
    }
}
