package dev.keyward.oauth21.keycloak.clients;

import java.util.EnumMap;
import java.util.Map;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.util.ResolveRelative;

import dev.keyward.oauth21.rule.ClientSetting;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.RealmSettings;
import dev.keyward.oauth21.rule.ServerUrls;

/** A Keycloak client as the rules see it, read through the settings' one declaration ({@link StoredSetting}). */
public final class KeycloakClients {

    private KeycloakClients() {
    }

    /** The stored client's settings, judged on this server (see {@link #serverUrls}) in its realm. */
    public static ClientSettings settings(KeycloakSession session, ClientModel client, RealmSettings realm) {
        return onThisServer(session, ClientSettings.read(setting -> StoredSetting.of(setting).read(client))).inRealm(realm);
    }

    /**
     * The settings with this server's URLs, resolved only for a client whose root URL stands for the server: every
     * authorization and token request reads its client's settings, and nearly no client needs them.
     */
    private static ClientSettings onThisServer(KeycloakSession session, ClientSettings settings) {
        return ServerUrls.standsForServer((String) settings.value(ClientSetting.ROOT_URL)) ? settings.onServer(serverUrls(session)) : settings;
    }

    /**
     * What {@code ${authBaseUrl}} and {@code ${authAdminUrl}} stand for in a root URL, as Keycloak resolves them for
     * the current request; unknown without a session.
     */
    public static ServerUrls serverUrls(KeycloakSession session) {
        return session == null ? ServerUrls.UNKNOWN : new ServerUrls(ResolveRelative.resolveRootUrl(session, ServerUrls.BASE_PLACEHOLDER),
                ResolveRelative.resolveRootUrl(session, ServerUrls.ADMIN_PLACEHOLDER));
    }

    /**
     * The client a registration or update would leave behind: each setting as {@code proposed}, or as
     * {@code stored} where the proposal leaves it out (a new client when {@code stored} is null).
     */
    public static ClientSettings proposed(KeycloakSession session, ClientRepresentation proposed, ClientSettings stored, RealmSettings realm) {
        Map<ClientSetting, Object> given = new EnumMap<>(ClientSetting.class);
        for (StoredSetting setting : StoredSetting.values()) {
            if (setting.proposes(proposed)) {
                given.put(setting.setting(), setting.read(proposed));
            }
        }
        return onThisServer(session, ClientSettings.merged(given, stored)).inRealm(realm);
    }

    /** The rules judge OpenID Connect clients; a client without a protocol is one. */
    public static boolean isOpenIdConnect(ClientModel client) {
        return isOpenIdConnect(client.getProtocol());
    }

    public static boolean isOpenIdConnect(String protocol) {
        return protocol == null || OIDCLoginProtocol.LOGIN_PROTOCOL.equals(protocol);
    }
}
