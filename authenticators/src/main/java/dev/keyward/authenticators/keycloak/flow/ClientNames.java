package dev.keyward.authenticators.keycloak.flow;

import org.keycloak.models.ClientModel;

/** How pages name a client: its display name (which may be a ${message-key}), else its client ID. */
public final class ClientNames {

    private ClientNames() {
    }

    public static String displayName(ClientModel client) {
        String name = client.getName();
        return name == null || name.isBlank() ? client.getClientId() : name;
    }
}
