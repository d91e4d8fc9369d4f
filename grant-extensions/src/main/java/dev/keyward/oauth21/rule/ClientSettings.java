package dev.keyward.oauth21.rule;

import java.util.List;

/** What the rules need of a client's stored configuration; redirect URIs as in force (joined to the root URL). */
public record ClientSettings(String clientId, boolean publicClient, List<String> redirectUris) {

    public ClientSettings {
        redirectUris = List.copyOf(redirectUris);
    }
}
