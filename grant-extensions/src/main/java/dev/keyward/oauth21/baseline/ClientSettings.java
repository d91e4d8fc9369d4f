package dev.keyward.oauth21.baseline;

import java.util.List;

/** What the rules need of a client's stored configuration. */
public record ClientSettings(String clientId, boolean publicClient, List<String> redirectUris) {

    public ClientSettings {
        redirectUris = List.copyOf(redirectUris);
    }
}
